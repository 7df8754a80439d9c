from copydesk.decode import damage

GOOD = "The minister’s statement — quoted in full — was “firm”.\n".encode() * 20


def test_truncated_multibyte_at_end() -> None:
    data = GOOD + "é".encode()[:1]
    sites = damage.find_damage(data)
    assert [(s.kind, s.byte_offset) for s in sites] == [("truncated", len(GOOD))]
    assert damage.is_damaged_utf8(data, sites)


def test_stray_byte_offset_and_cp1252_hint() -> None:
    data = GOOD[:100] + b"\x92" + GOOD[100:]
    sites = damage.find_damage(data)
    assert len(sites) == 1 and sites[0].byte_offset == 100 and sites[0].kind == "stray-byte"
    assert sites[0].likely_cp1252 == "’"
    assert damage.is_damaged_utf8(data, sites)


def test_legacy_text_is_not_damaged_utf8() -> None:
    data = "Crème brûlée à la française, déjà vu, naïve façade.".encode("cp1252") * 5
    assert not damage.is_damaged_utf8(data, damage.find_damage(data))


def test_lone_high_byte_in_ascii_is_not_evidence_of_utf8() -> None:
    data = b"plain ascii text \xe9 more"
    assert not damage.is_damaged_utf8(data, damage.find_damage(data))


def test_pure_ascii_cut_mid_character_is_utf8() -> None:
    data = b"plain ascii then a cut " + "ü".encode()[:1]
    sites = damage.find_damage(data)
    assert damage.is_damaged_utf8(data, sites)

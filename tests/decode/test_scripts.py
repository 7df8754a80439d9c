from copydesk.decode.scripts import mixed_script_ratio


def test_wrong_code_page_mixes_scripts_inside_words() -> None:
    text = "Crème brûlée à la française, déjà vu."
    wrong = text.encode("cp1252").decode("cp1251")
    assert mixed_script_ratio(text) == 0.0
    assert mixed_script_ratio(wrong) > 0.3


def test_mixed_scripts_across_words_are_fine() -> None:
    assert mixed_script_ratio("Путин and Biden met in Женева; قمة in Geneva.") == 0.0
    assert mixed_script_ratio("") == 0.0

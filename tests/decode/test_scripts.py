from copydesk.decode.scripts import broken_word_ratio, mixed_script_ratio


def test_wrong_code_page_mixes_scripts_inside_words() -> None:
    text = "Crème brûlée à la française, déjà vu."
    wrong = text.encode("cp1252").decode("cp1251")
    assert mixed_script_ratio(text) == 0.0
    assert mixed_script_ratio(wrong) > 0.3


def test_mixed_scripts_across_words_are_fine() -> None:
    assert mixed_script_ratio("Путин and Biden met in Женева; قمة in Geneva.") == 0.0
    assert mixed_script_ratio("") == 0.0


def test_a_latin_code_page_that_puts_capitals_and_symbols_inside_words_breaks_them() -> None:
    assert broken_word_ratio("Crème brûlée à la carte") == 0.0
    assert broken_word_ratio("l’homme e-mail naïve") == 0.0  # apostrophes, dashes, accents belong in words
    assert broken_word_ratio("CrËme br˚lÈe") == 1.0  # cp1252 read as Mac Roman
    assert broken_word_ratio("McDonald iPhone") == 0.0  # ASCII capitals: real names
    assert broken_word_ratio("") == 0.0

"""Rows shown briefly on lists across plans (criterion pages): short, readable, never mid-word."""

from congkhai.core.text import BRIEF_CHARS, brief

LONG = ("Giáo viên chủ nhiệm tham mưu với UBND thành phố về việc sắp xếp, bố trí lại các phòng học, "
        "phòng chức năng hợp lý hơn, góp phần thực hiện thắng lợi nhiệm vụ năm học và nâng cao chất "
        "lượng giáo dục toàn diện cho học sinh")


def test_a_short_text_stays_whole_with_its_spacing_tidied():
    assert brief("Thiếu  phòng\nthư viện.") == "Thiếu phòng thư viện."


def test_a_long_text_is_cut_at_a_word_and_marked():
    out = brief(LONG)
    assert len(out) <= BRIEF_CHARS + 1 and out.endswith("…")
    assert LONG.startswith(out[:-1]) and LONG[len(out) - 1] == " "  # the cut falls between words
    assert not out[:-1].endswith((",", " "))


def test_a_first_sentence_of_fair_length_is_enough():
    text = "Bổ sung 200 đầu sách tham khảo cho thư viện trường trong học kỳ I năm học. " + LONG
    assert brief(text) == "Bổ sung 200 đầu sách tham khảo cho thư viện trường trong học kỳ I năm học."


def test_an_abbreviation_is_not_a_sentence_end():
    text = "Phối hợp với UBND TP. Hồ Chí Minh và các đơn vị liên quan " + LONG
    assert not brief(text).endswith("TP.")
    assert brief(text).endswith("…")


def test_a_very_short_first_sentence_does_not_stand_alone():
    text = "Năm học mới. " + LONG
    assert brief(text).startswith("Năm học mới. Giáo viên") and brief(text).endswith("…")

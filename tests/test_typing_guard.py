"""Typing is not commands: the guard on the keys' own time stamps, without a screen."""

from facilitator.tui.typing_guard import TypingGuard, Verdict


def keys(guard: TypingGuard, typed: str, start: float, gap: float) -> list[Verdict]:
    return [guard.key(key, key, start + n * gap) for n, key in enumerate(typed)]


def test_a_key_pressed_alone_runs_at_once() -> None:
    guard = TypingGuard()
    assert keys(guard, "n", 10.0, 0) == [Verdict(run=True)]
    assert guard.held == []


def test_a_key_that_cannot_be_taken_back_waits_for_the_guard() -> None:
    guard = TypingGuard()
    assert guard.key("c", "c", 10.0, waits=True) == Verdict(hold=True)
    assert not guard.due(10.05)
    assert guard.due(10.2)
    assert [key.key for key in guard.release()] == ["c"]
    assert guard.held == []


def test_two_quick_presses_may_be_meant_the_second_waits() -> None:
    guard = TypingGuard()
    assert keys(guard, "nn", 10.0, 0.05) == [Verdict(run=True), Verdict(hold=True)]
    assert guard.due(10.2)
    assert [key.key for key in guard.release()] == ["n"]


def test_three_keys_faster_than_a_person_presses_commands_are_typing() -> None:
    guard = TypingGuard()
    verdicts = keys(guard, "they", 10.0, 0.02)
    assert verdicts[2] == Verdict(typing="the", take_back=1)  # the t that ran is taken back
    assert verdicts[3] == Verdict(typing="y")  # then each key as it comes
    assert guard.held == [] and not guard.due(11.0)


def test_keys_queued_behind_a_busy_app_keep_their_own_times() -> None:
    guard = TypingGuard()
    assert keys(guard, "nnn", 10.0, 0.4) == [Verdict(run=True)] * 3


def test_keys_right_after_enter_are_typing() -> None:
    guard = TypingGuard()
    keys(guard, "the", 10.0, 0.02)
    assert guard.enter_pressed(10.1) == Verdict()  # already typing: Enter saves it
    assert guard.key("y", "y", 10.15) == Verdict(typing="y")
    assert guard.key("n", "n", 11.0) == Verdict(run=True)


def test_enter_in_a_burst_makes_the_keys_before_it_typing() -> None:
    guard = TypingGuard()
    assert keys(guard, "na", 10.0, 0.02) == [Verdict(run=True), Verdict(hold=True)]
    assert guard.enter_pressed(10.05) == Verdict(typing="na", take_back=1)
    assert guard.held == []


def test_one_command_then_enter_then_a_key_in_one_burst_is_typing() -> None:
    guard = TypingGuard()
    assert guard.key("n", "n", 10.0) == Verdict(run=True)
    assert guard.enter_pressed(10.01) == Verdict()
    assert guard.key("x", "x", 10.02) == Verdict(typing="nx", take_back=1)


def test_turned_off_every_key_runs() -> None:
    guard = TypingGuard(gap=0)
    assert keys(guard, "they", 10.0, 0.0) == [Verdict(run=True)] * 4


def test_a_paste_in_a_burst_makes_the_keys_before_it_typing() -> None:
    guard = TypingGuard()
    assert keys(guard, "na", 10.0, 0.02) == [Verdict(run=True), Verdict(hold=True)]
    assert guard.pasted(" text", 10.05) == Verdict(typing="na text", take_back=1)
    assert guard.pasted("more", 11.0) == Verdict(typing="more")  # a paste alone


def test_the_same_counting_key_again_and_again_is_a_tally() -> None:
    guard = TypingGuard()
    tally = [guard.key("2", "2", 10.0 + n * 0.05, counts=True) for n in range(4)]
    assert tally == [Verdict(run=True)] * 4
    assert guard.key("a", "a", 10.25) == Verdict(typing="2222a", take_back=4)


def test_a_counting_key_among_others_is_typing_as_any_key() -> None:
    guard = TypingGuard()
    assert guard.key("n", "n", 10.0) == Verdict(run=True)
    assert guard.key("2", "2", 10.05, counts=True) == Verdict(hold=True)
    assert guard.key("2", "2", 10.1, counts=True) == Verdict(typing="n22", take_back=1)


def test_a_counting_key_right_after_enter_is_typing() -> None:
    guard = TypingGuard()
    guard.enter_pressed(10.0)
    assert guard.key("2", "2", 10.2, counts=True) == Verdict(typing="2", take_back=0)

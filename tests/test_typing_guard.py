"""Typing is not commands: the guard on the keys' own time stamps, without a screen."""

from facilitator.tui.typing_guard import TypingGuard


def held(guard: TypingGuard, keys: str, start: float, gap: float) -> None:
    for n, key in enumerate(keys):
        guard.hold(key, key, start + n * gap)


def test_one_key_pressed_alone_is_a_command() -> None:
    guard = TypingGuard()
    held(guard, "n", 10.0, 0)
    typing, keys = guard.release()
    assert not typing and [k.key for k in keys] == ["n"]
    assert guard.held == []


def test_two_quick_presses_may_be_meant() -> None:
    guard = TypingGuard()
    held(guard, "nn", 10.0, 0.05)
    assert guard.release()[0] is False


def test_three_keys_faster_than_a_person_presses_commands_are_typing() -> None:
    guard = TypingGuard()
    held(guard, "they", 10.0, 0.02)
    typing, keys = guard.release()
    assert typing and "".join(k.character for k in keys) == "they"


def test_keys_queued_behind_a_busy_app_keep_their_own_times() -> None:
    guard = TypingGuard()
    held(guard, "nnn", 10.0, 0.4)  # pressed slowly, handled together
    assert guard.release()[0] is False


def test_keys_right_after_enter_belong_to_the_capture_typed_before() -> None:
    guard = TypingGuard()
    guard.enter_pressed(10.0)
    held(guard, "y", 10.1, 0)
    assert guard.release()[0] is True
    held(guard, "n", 11.0, 0)
    assert guard.release()[0] is False

"""The ``rhythm`` scene type: hit notes on the beat in lanes while the Gossip Teeth heckle.

Time comes from the music when it really plays (``host.music_position()``) and from the game
clock otherwise (tests, muted players). The player's calibration (``settings.rhythm_offset_ms``,
positive when they hear and press late) is subtracted from the song time before judging.
Lanes map to LEFT, DOWN, UP, RIGHT (keys, d-pad); a pointer or touch picks the lane by column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import RhythmSpec
from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.common import held, restore, setting, snapshot

LANE_ACTIONS = (Action.LEFT, Action.DOWN, Action.UP, Action.RIGHT)
POINTS = {"perfect": 1.0, "good": 0.75, "ok": 0.5, "miss": 0.0}
SCORE = {"perfect": 300, "good": 200, "ok": 100, "miss": 0}
LABEL = {"perfect": "Perfect", "good": "Good", "ok": "OK", "miss": "Miss"}
#: Lane spacing and the hit line's height on screen (lanes are centred on x = 480).
LANE_DX, HIT_Y = 100.0, 450.0
LEAD_BEATS = 4.0  # notes scroll in this many beats before they are due
RESULT_PAUSE = 2.0
DISTRACTION_BEATS = 2.5
FEEDBACK_TIME = 0.6
#: Timing windows are multiplied by this per difficulty (settings.dodge_difficulty is the one knob).
WINDOW_SCALE = {"easy": 1.5, "normal": 1.0, "hard": 0.8}


@dataclass
class NoteState:
    """A note being played: when it is due (s), its lane, hold end (s, = time for taps), judgements."""

    time: float
    lane: int
    end: float
    head: str | None = None
    tail: str | None = None
    holding: bool = False


@dataclass
class NoteView:
    """A note on screen: lane, how far it still is from the hit line (s), hold length (s), state."""

    lane: int
    due: float
    length: float
    judged: str | None
    holding: bool


@dataclass
class RhythmView:
    """Everything a rhythm scene shows."""

    background: str | None
    lanes: int
    notes: list[NoteView]
    lead: float
    pressed: list[bool]
    score: int
    combo: int
    max_combo: int
    accuracy: float
    pass_accuracy: float
    feedback: list[tuple[int, str, float]]  # (lane, text, age s)
    distractions: list[tuple[str, float]]  # (text, age in beats)
    beat: float
    phase: str
    passed: bool | None
    retries: int = 0
    lane_x: list[float] = field(default_factory=list)
    hit_y: float = HIT_Y


class RhythmLogic(SceneLogic):
    """Beat map, judging, score, combo, pass/fail (tuning from ``scene.rhythm``)."""

    kind = "rhythm"

    def __init__(self, scene: Any, host: SceneHost) -> None:
        super().__init__(scene, host)
        spec = scene.rhythm
        if not isinstance(spec, RhythmSpec):
            raise ValueError(f"scene {scene.id!r} has no rhythm block")
        self.spec = spec
        self.spb = 60.0 / spec.bpm
        self.retries = 0
        self.saved: dict[str, Any] | None = None
        self._reset()

    def _reset(self) -> None:
        self.clock = 0.0
        self._sync_music()
        self.notes = [
            NoteState(self.beat_time(n.beat), n.lane, self.beat_time(n.beat + n.hold))
            for n in sorted(self.spec.notes, key=lambda n: (n.beat, n.lane))
        ]
        self.next_miss = 0
        self.score = 0
        self.combo = 0
        self.max_combo = 0
        self.points = 0.0
        self.judged = 0
        self.counts = dict.fromkeys(POINTS, 0)
        self.feedback: list[tuple[int, str, float]] = []  # lane, text, time shown
        self.pressed = [False] * self.spec.lanes
        self.phase = "play"  # play | result | done
        self.phase_time = 0.0
        self.passed: bool | None = None
        last = max((n.end for n in self.notes), default=self.spec.offset)
        self.end_time = last + self._windows()[2] + 1.0

    # ------------------------------------------------------------------ time

    def beat_time(self, beat: float) -> float:
        """Seconds into the music of a beat."""
        return self.spec.offset + beat * self.spb

    def _windows(self) -> tuple[float, float, float]:
        w = self.spec.windows
        diff = str(setting(self.host, "dodge_difficulty", "normal"))
        k = WINDOW_SCALE.get(diff, 1.0)
        return w.perfect * k, w.good * k, w.ok * k

    def calibration(self) -> float:
        """The player's offset in seconds (settings.rhythm_offset_ms)."""
        try:
            return float(setting(self.host, "rhythm_offset_ms", 0)) / 1000.0
        except (TypeError, ValueError):
            return 0.0

    def _music(self) -> float | None:
        music = getattr(self.host, "music_position", None)
        pos = music() if callable(music) else None
        return None if pos is None else float(pos)

    def _sync_music(self) -> None:
        """Start the song on the next whole beat of the music that is playing (or on the clock)."""
        pos = self._music()
        self.music_base: float | None = None
        self.music_last = (0.0, 0.0)
        if pos is not None:
            beats = max(0.0, (pos - self.spec.offset) / self.spb)
            whole = int(beats) if abs(beats - round(beats)) > 1e-6 else round(beats)
            if whole < beats - 1e-6:
                whole += 1
            self.music_base = whole * self.spb
            self.music_last = (pos, self.clock)

    def song_time(self) -> float:
        """Seconds into the song as the player perceives it: music position (or clock) minus calibration.

        The song starts on a whole beat of the music when the scene (or a retry) begins, so a track
        that was already playing stays on the beat; a track that loops back keeps counting.
        """
        pos = self._music()
        if pos is None or self.music_base is None:
            if pos is not None and self.music_base is None:
                self._sync_music()
                return self.song_time()
            return self.clock - self.calibration()
        last_pos, last_clock = self.music_last
        if pos < last_pos - 0.25:  # the track looped (or restarted): keep the song going
            self.music_base -= last_pos + (self.clock - last_clock) - pos
        self.music_last = (pos, self.clock)
        return pos - self.music_base - self.calibration()

    def current_beat(self) -> float:
        """The beat number now (may be negative before the first beat)."""
        return (self.song_time() - self.spec.offset) / self.spb

    # ------------------------------------------------------------------ contract

    def start(self) -> None:
        """Remember the GameState (a retry puts it back)."""
        self.saved = snapshot(self.host.state)
        self._reset()

    def retry(self) -> None:
        """Play the beat map again from the top, with the state as it was when the scene began."""
        restore(self.host.state, self.saved)
        self.retries += 1
        self._reset()

    def lane_x(self, lane: int) -> float:
        """Screen x of a lane's centre (lanes are centred on the screen)."""
        return 480.0 - (self.spec.lanes - 1) * LANE_DX / 2 + lane * LANE_DX

    def lane_for(self, event: InputEvent) -> int | None:
        """Which lane an action presses: by direction, or by pointer column."""
        if event.pos is not None and event.action == Action.CONFIRM:
            lane = int((event.pos[0] - (self.lane_x(0) - LANE_DX / 2)) // LANE_DX)
            return lane if 0 <= lane < self.spec.lanes else None
        if event.action in LANE_ACTIONS:
            lane = LANE_ACTIONS.index(event.action)
            return lane if lane < self.spec.lanes else None
        if event.action == Action.CONFIRM and self.spec.lanes == 1:
            return 0
        return None

    def handle(self, event: InputEvent) -> bool:
        """Lane presses judge the nearest note; releases end holds; CONFIRM skips the result card."""
        if self.phase == "result":
            if event.action == Action.CONFIRM and event.pressed:
                self.phase_time = RESULT_PAUSE
                return True
            return False
        if self.phase != "play":
            return False
        lane = self.lane_for(event)
        if lane is None:
            return False
        self.pressed[lane] = event.pressed
        now = self.song_time()
        if event.pressed:
            self._press(lane, now)
        else:
            self._release(lane, now)
        return True

    def _press(self, lane: int, now: float) -> None:
        perfect, good, ok = self._windows()
        best: NoteState | None = None
        for n in self.notes:
            if n.lane != lane or n.head is not None:
                continue
            if abs(n.time - now) <= ok and (best is None or abs(n.time - now) < abs(best.time - now)):
                best = n
            if n.time > now + ok:
                break
        if best is None:
            return  # pressing on nothing costs nothing
        err = abs(best.time - now)
        grade = "perfect" if err <= perfect else "good" if err <= good else "ok"
        best.head = grade
        best.holding = best.end > best.time
        self._judge(lane, grade)

    def _release(self, lane: int, now: float) -> None:
        ok = self._windows()[2]
        for n in self.notes:
            if n.lane == lane and n.holding:
                n.holding = False
                n.tail = "perfect" if now >= n.end - ok else "miss"
                self._judge(lane, n.tail)

    def _judge(self, lane: int, grade: str) -> None:
        self.counts[grade] += 1
        self.judged += 1
        self.points += POINTS[grade]
        if grade == "miss":
            self.combo = 0
            self.host.command("sfx", {"sound": "sfx/miss.ogg"})
        else:
            self.combo += 1
            self.max_combo = max(self.max_combo, self.combo)
            self.score += SCORE[grade] * (1 + min(self.combo, 50) // 10)
            self.host.command("sfx", {"sound": "sfx/beat_hit.ogg"})
        self.feedback = [f for f in self.feedback if f[0] != lane]
        self.feedback.append((lane, LABEL[grade], self.clock))

    def update(self, dt: float) -> None:
        """Advance the clock, miss notes that went past, finish holds, end the song."""
        super().update(dt)
        self.clock += dt
        self.feedback = [f for f in self.feedback if self.clock - f[2] < FEEDBACK_TIME]
        if self.phase == "result":
            self.phase_time += dt
            if self.phase_time >= RESULT_PAUSE:
                self._finish()
            return
        if self.phase != "play":
            return
        now = self.song_time()
        ok = self._windows()[2]
        for n in self.notes:
            if n.time - ok > now:
                break
            if n.head is None and now > n.time + ok:
                n.head = "miss"
                if n.end > n.time:
                    n.tail = "miss"
                    self._judge(n.lane, "miss")
                self._judge(n.lane, "miss")
            elif n.holding and now >= n.end:
                n.holding = False
                n.tail = "perfect"
                self._judge(n.lane, "perfect")
        if now >= self.end_time and all(n.head is not None and not n.holding for n in self.notes):
            self.passed = self.accuracy() >= self.spec.pass_accuracy
            self.phase, self.phase_time = "result", 0.0

    def _finish(self) -> None:
        self.phase = "done"
        if self.passed:
            if self.spec.on_win:
                self.host.run_node(self.spec.on_win)
        elif self.spec.on_lose:
            restore(self.host.state, self.saved)
            self.host.run_node(self.spec.on_lose)
        else:
            self.retry()

    def resume(self) -> None:
        """After on_lose returns (it did not leave the scene), the song starts again."""
        if self.phase == "done" and self.passed is False:
            self.retry()

    def total_judgements(self) -> int:
        """How many judgements the whole map gives (holds count twice: head and tail)."""
        return sum(2 if n.end > n.time else 1 for n in self.notes)

    def accuracy(self) -> float:
        """Points earned over the whole map's points (0..1)."""
        total = self.total_judgements()
        return self.points / total if total else 1.0

    def view(self) -> RhythmView:
        """Plain data for the renderer."""
        now = self.song_time()
        lead = LEAD_BEATS * self.spb
        notes = []
        for n in self.notes:
            if n.time - now > lead:
                break
            hit_and_gone = n.head not in (None, "miss") and not n.holding
            if hit_and_gone or n.end - now < -0.4:
                continue
            notes.append(NoteView(n.lane, n.time - now, n.end - n.time, n.head, n.holding))
        beat = self.current_beat()
        distractions = [
            (d.text, beat - d.beat) for d in self.spec.distractions if 0 <= beat - d.beat < DISTRACTION_BEATS
        ]
        h = held(self.host)
        pressed = [self.pressed[i] or (LANE_ACTIONS[i].value in h) for i in range(self.spec.lanes)]
        return RhythmView(
            background=self.scene.background,
            lanes=self.spec.lanes,
            notes=notes,
            lead=lead,
            pressed=pressed,
            score=self.score,
            combo=self.combo,
            max_combo=self.max_combo,
            accuracy=self.accuracy_so_far(),
            pass_accuracy=self.spec.pass_accuracy,
            feedback=[(lane, text, self.clock - t) for lane, text, t in self.feedback],
            distractions=distractions,
            beat=beat,
            phase=self.phase,
            passed=self.passed,
            retries=self.retries,
            lane_x=[self.lane_x(i) for i in range(self.spec.lanes)],
        )

    def accuracy_so_far(self) -> float:
        """Points over judgements made so far (1.0 before the first)."""
        return self.points / self.judged if self.judged else 1.0

    def state(self) -> dict[str, Any]:
        """Summary for tests and determinism checks."""
        return {
            **super().state(),
            "phase": self.phase,
            "score": self.score,
            "combo": self.combo,
            "max_combo": self.max_combo,
            "counts": dict(self.counts),
            "accuracy": round(self.accuracy(), 4),
            "passed": self.passed,
            "retries": self.retries,
        }

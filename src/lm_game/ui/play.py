"""PlayScreen: a level being played. Loads it, runs the story, hosts scene logic, presents everything.

Data flow: the StoryRunner's events go into one queue; the queue is drained until something
must wait (a line, a choice, a scene transition, a `wait` command). Scene logic (from the
scene-types registry `lm_game.scenes.create_logic`) is paused while dialogue shows; its view is
drawn by `lm_game.render.scenes.draw_view` when that exists, else background + actors here.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pygame

from lm_game import LOGICAL_SIZE
from lm_game.app.screen import Screen
from lm_game.app.transitions import Transition, make_transition
from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import Level, Scene
from lm_game.render import theme
from lm_game.render.effects import Effects
from lm_game.runtime.events import (
    ChoicesEvent,
    CommandEvent,
    EndingEvent,
    Event,
    LevelEndEvent,
    LineEvent,
    NoticeEvent,
    SceneChangeEvent,
)
from lm_game.runtime.history import History, HistoryEntry
from lm_game.runtime.runner import SCENE_EMOTIONS, SCENE_MUSIC, RunnerState, StoryRunner
from lm_game.runtime.state import GameState
from lm_game.scenes.base import SceneLogic
from lm_game.ui import flow, services, sounds
from lm_game.ui.choices import ChoiceMenu, Option
from lm_game.ui.dialogue import PORTRAIT_SIZE, DialogueBox

if TYPE_CHECKING:
    from lm_game.app.loop import App

W, H = LOGICAL_SIZE
SKIP_TAP = 0.3
"""A SKIP press shorter than this toggles skip mode; a longer hold skips only while held."""
SKIP_INTERVAL = 0.06
DEFAULT_AUTO_DELAY = 1.5
CARD_TIME = 2.6
TOAST_TIME = 2.6
SCENE_TRANSITION = 0.6


class DialogueLogic(SceneLogic):
    """The plain logic of a `dialogue` scene (and the fallback for a type with no logic yet).

    The runner has already run the scene's start node on entering; a scene of another type
    without its logic goes on through its spec's `then` / `on_win` node so the story never stalls.
    """

    kind = "dialogue"

    def start(self) -> None:
        spec = self.scene.spec
        follow = getattr(spec, "then", None) or getattr(spec, "on_win", None)
        if self.scene.type != "dialogue" and follow:
            self.host.run_node(follow)

    def state(self) -> dict[str, Any]:
        return {"kind": self.kind, "scene_type": self.scene.type, "time": round(self.time, 6)}


def create_scene_logic(scene: Scene, host: Any) -> SceneLogic:
    """The scene-types registry's logic for `scene`, or the plain dialogue logic."""
    try:
        registry = importlib.import_module("lm_game.scenes")
    except ImportError:
        registry = None
    factory = getattr(registry, "create_logic", None)
    if factory is not None:
        try:
            logic = factory(scene, host)
        except (KeyError, LookupError, NotImplementedError, ValueError):
            logic = None
        if logic is not None:
            return logic  # type: ignore[no-any-return]
    return DialogueLogic(scene, host)


def _scene_renderer() -> Any:
    try:
        module = importlib.import_module("lm_game.render.scenes")
    except ImportError:
        return None
    return getattr(module, "draw_view", None)


class PlayScreen(Screen):
    """One level in play; implements SceneHost for the scene logic."""

    def __init__(
        self,
        ref: str,
        scene: str | None = None,
        seed: int = 0,
        game: GameState | None = None,
        history: list[HistoryEntry] | None = None,
        resume: bool = False,
    ) -> None:
        super().__init__()
        self.ref = ref
        self.start_scene = scene
        self.seed = seed
        self.game = game if game is not None else GameState.new(seed)
        self.initial_history = history or []
        self.resume_save = resume
        self.level: Level | None = None
        self.runner: StoryRunner | None = None
        self.logic: SceneLogic | None = None
        self.scene: Scene | None = None
        self.queue: list[Event] = []
        self.box = DialogueBox()
        self.choices: ChoiceMenu | None = None
        self.effects = Effects()
        self.transition: Transition | None = None
        self.wait = 0.0
        self.logic_node = False
        self.hidden = False
        self.auto = False
        self.skip_toggle = False
        self.skip_held_for: float | None = None
        self.skip_timer = 0.0
        self.auto_timer = 0.0
        self.card: tuple[str, str] | None = None
        self.card_time = 0.0
        self.pending_level: str | None = None
        self.toast = ""
        self.toast_time = 0.0
        self.notice = ""
        self.error = ""
        self.time = 0.0
        self.actor_emotions: dict[str, str] = {}
        self.line_seen = False
        self.draw_view = _scene_renderer()
        self._scaled: dict[tuple[str, float], pygame.Surface] = {}
        self._scratch: pygame.Surface | None = None
        self.quick_buttons: list[tuple[str, pygame.Rect]] = []
        self._armed_button: str | None = None
        self._thumbnail = False
        self.devtools: Any = None  # lm_game.tools.hotreload.DevTools: hot reload (F6) and replays (F8)

    # ================================================================== SceneHost
    @property
    def state(self) -> GameState:  # type: ignore[override]
        """The runtime GameState (SceneHost). The harness report is `report()`."""
        return self.game

    @property
    def settings(self) -> Any:
        return services.settings(self.the_app)

    @property
    def held(self) -> set[Any]:
        return self.the_app.held

    def run_node(self, node_id: str) -> None:
        """Run a node for the scene logic; the logic is paused until the node returns."""
        if self.runner is None or self.runner.state in (
            RunnerState.WAITING_FOR_CHOICE, RunnerState.WAITING_FOR_CONTINUE, RunnerState.ENDED,
        ):
            return
        self.logic_node = True
        self.enqueue(self.runner.run_node(node_id))

    def goto_scene(self, scene_id: str) -> None:
        """Leave for another scene of this level (with its transition)."""
        if self.runner is None or self.runner.state is not RunnerState.RETURNED:
            return
        self.enqueue(self.runner.go_to_scene(scene_id))

    def command(self, name: str, args: Mapping[str, Any] | None = None) -> None:
        """Presentation feedback from scene logic or the story: sfx, shake, flash, music, emotion."""
        a = dict(args or {})
        audio = services.audio(self.the_app)
        if name == "sfx" and isinstance(a.get("sound"), str):
            audio.play_sfx(a["sound"])
        elif name == "music":
            track = a.get("track") if isinstance(a.get("track"), str) else None
            audio.play_music(track)
        elif name == "shake":
            self.effects.shake(float(a.get("strength", 6)), float(a.get("duration", 0.4)))
        elif name == "flash":
            if "x" in a and "y" in a:
                self.effects.local_flash(float(a["x"]), float(a["y"]), float(a.get("radius", 60)))
            else:
                self.effects.flash(int(a.get("count", 1)), float(a.get("duration", 0.3)))
        elif name == "emotion" and isinstance(a.get("actor"), str) and isinstance(a.get("emotion"), str):
            self.actor_emotions[a["actor"]] = a["emotion"]
        elif name == "wait":
            self.wait = max(self.wait, min(float(a.get("seconds", 0.0)), 10.0))

    def music_position(self) -> float | None:
        return services.audio(self.the_app).music_position()

    # ================================================================== lifecycle
    @property
    def the_app(self) -> App:
        assert self.app is not None, "PlayScreen used before it was entered"
        return self.app

    def enter(self, app: App) -> None:
        super().enter(app)
        self.settings_changed()
        if self.level is not None:
            return
        from lm_game.content.errors import LevelLoadError
        from lm_game.content.loader import load_level
        from lm_game.content.locate import ResourceNotFound, find_level

        try:
            self.level = load_level(find_level(self.ref))
        except (LevelLoadError, ResourceNotFound, OSError) as exc:
            self.error = f"This chapter could not be loaded:\n{exc}"
            return
        self.release_art(level=True)
        history = History()
        if self.initial_history:
            history.load(self.initial_history)
        self.runner = StoryRunner(self.level, self.game, history=history, persistent=services.persistent(app))
        if self.resume_save:
            self.enqueue(self.runner.resume())
        elif self.start_scene is not None and self.start_scene != self.level.start:
            self.game.level = self.level.id
            self.game.scene = self.start_scene
            self.game.node = None
            self.runner.resume()
            self.enqueue(self.runner.go_to_scene(self.start_scene))
            self.autosave()
        else:
            self.enqueue(self.runner.start_level())
            self.autosave()
        from lm_game.tools.hotreload import DevTools

        self.devtools = DevTools(self)
        if self.notice:
            self.show_toast(self.notice)

    def cover(self) -> None:
        self.skip_toggle = False
        self.skip_held_for = None

    def uncover(self) -> None:
        self.settings_changed()

    def settings_changed(self) -> None:
        s = services.settings(self.the_app)
        self.effects.configure(s.reduced_flashing, s.reduced_motion)

    # ================================================================== events from the runner
    def enqueue(self, events: list[Event]) -> None:
        self.queue.extend(events)
        self.drain()

    def drain(self) -> None:
        """Present queued events until one must wait (transition, wait command)."""
        while self.queue and self.transition is None and self.wait <= 0.0 and self.card is None:
            event = self.queue.pop(0)
            self.present(event)

    def present(self, event: Event) -> None:
        if isinstance(event, LineEvent):
            self.choices = None
            self.show_line(event)
        elif isinstance(event, ChoicesEvent):
            self.show_choices(event)
        elif isinstance(event, CommandEvent):
            self.command(event.name, event.args)
        elif isinstance(event, SceneChangeEvent):
            self.change_scene(event.scene_id, event.transition)
        elif isinstance(event, LevelEndEvent):
            self.level_end(event.next_level)
        elif isinstance(event, EndingEvent):
            self.ending(event.ending_id)
        elif isinstance(event, NoticeEvent):
            self.show_toast(event.message)

    def show_line(self, event: LineEvent) -> None:
        portrait = None
        colour = theme.CREAM
        if self.level is not None and event.speaker:
            character = self.level.characters.get(event.speaker)
            if character is not None:
                colour = theme.hex_colour(character.color)
                if character.portrait:
                    emotion = event.emotion if event.emotion in character.emotions else "neutral"
                    portrait = f"{character.portrait}_{emotion}.png"
        self.box.show(event.text, event.speaker, event.speaker_name, event.emotion, portrait, event.line_id, colour)
        self.line_seen = event.seen
        self.auto_timer = 0.0
        self.skip_timer = 0.0
        if self.skipping() and not self.can_skip_line():
            self.skip_toggle = False

    def show_choices(self, event: ChoicesEvent) -> None:
        self.skip_toggle = False
        options = [Option(o.index, o.text, o.enabled) for o in event.options]
        self.choices = ChoiceMenu(options, self.choose, event.timer, event.default_index)

    def choose(self, index: int) -> None:
        if self.runner is None or self.runner.state is not RunnerState.WAITING_FOR_CHOICE:
            return
        services.audio(self.the_app).play_sfx("sfx/confirm.ogg")
        self.choices = None
        events = self.runner.choose(index)
        self.box.clear()
        self.enqueue(events)
        self.autosave()

    def change_scene(self, scene_id: str, transition: str) -> None:
        if self.level is None:
            return
        if self.scene is None or self.logic is None:
            self.enter_scene(scene_id)
            return
        if scene_id == self.scene.id and self.logic is not None:
            return
        self.box.clear()
        reduced = services.settings(self.the_app).reduced_motion
        self.transition = make_transition(
            transition, lambda: self.enter_scene(scene_id), SCENE_TRANSITION, reduced_motion=reduced
        )

    def enter_scene(self, scene_id: str) -> None:
        assert self.level is not None
        try:
            scene = self.level.scene(scene_id)
        except KeyError:
            self.show_toast(f"Scene {scene_id!r} is missing.")
            return
        self.release_art(level=False)
        self.scene = scene
        # what earlier commands in this scene changed (the runner keeps it in scene_data, so a loaded
        # save has it; a fresh scene starts with empty scene_data)
        data = self.game.scene_data
        emotions = data.get(SCENE_EMOTIONS)
        self.actor_emotions = {str(k): str(v) for k, v in emotions.items()} if isinstance(emotions, dict) else {}
        self.logic_node = False
        music = data.get(SCENE_MUSIC, scene.music)
        if SCENE_MUSIC in data or scene.music_set:  # a track, or null = silence; omitted keeps what plays
            services.audio(self.the_app).play_music(music if isinstance(music, str) else None)
        self.logic = create_scene_logic(scene, self)
        self.logic.start()

    def release_art(self, level: bool) -> None:
        """Drop the art cached for the scene being left; with `level`, the last level's images too.

        Keeps memory bounded by what one scene (or level) shows, however long the game runs.
        """
        from lm_game.app import game
        from lm_game.render.scenes import art

        assets = game.assets(self.the_app)
        art.release(assets)
        if level:
            assets.release_images()
            self._scaled.clear()
            services.text(self.the_app).clear()
            services.panels(self.the_app).clear()

    def level_end(self, next_level: str | None) -> None:
        app = self.the_app
        s = services.settings(app)
        services.persist(app)
        if next_level is None:
            from lm_game.ui.ending import CreditsScreen

            app.stack.clear_to(CreditsScreen(), "fade")
            return
        if s.unlock_chapter(next_level):
            services.save_player_settings(app)
        number = flow.chapter_number(next_level)
        heading = f"Chapter {number}" if number else "Next chapter"
        self.card = (heading, flow.level_title(next_level))
        self.card_time = 0.0
        self.pending_level = next_level
        self.box.clear()
        self.choices = None

    def start_next_level(self) -> None:
        from lm_game.content.errors import LevelLoadError
        from lm_game.content.loader import load_level
        from lm_game.content.locate import ResourceNotFound, find_level

        assert self.pending_level is not None and self.runner is not None
        ref, self.pending_level = self.pending_level, None
        self.card = None
        try:
            level = load_level(find_level(ref))
        except (LevelLoadError, ResourceNotFound, OSError) as exc:
            self.error = f"The next chapter could not be loaded:\n{exc}"
            return
        self.level = level
        self.ref = ref
        self.scene = None
        self.logic = None
        self.release_art(level=True)
        self.enqueue(self.runner.start_level(level))
        self.autosave()

    def ending(self, ending_id: str) -> None:
        from lm_game.ui.ending import EndingScreen

        app = self.the_app
        services.persist(app)
        definition = self.level.endings.get(ending_id) if self.level is not None else None
        title = definition.title if definition else ending_id.replace("_", " ").title()
        text = definition.text if definition else ""
        background = definition.background if definition else None
        app.stack.clear_to(EndingScreen(ending_id, title, text, background), "fade")

    # ================================================================== saving
    def thumbnail(self) -> bytes | None:
        """A small PNG of the scene as it looks now (drawn offscreen, menus excluded)."""
        surf = pygame.Surface(LOGICAL_SIZE)
        self._thumbnail = True
        try:
            self.draw(surf)
        finally:
            self._thumbnail = False
        return flow.thumbnail_png(surf)

    def autosave(self) -> None:
        if self.runner is None:
            return
        services.saves(self.the_app).autosave(self.runner.save_data(), self.thumbnail())
        services.persist(self.the_app)

    def save_to(self, slot: str) -> str:
        """Save into a slot; the sentence to show."""
        if self.runner is None:
            return "Nothing to save."
        result = services.saves(self.the_app).save(slot, self.runner.save_data(), self.thumbnail())
        services.persist(self.the_app)
        return result.message

    def quicksave(self) -> None:
        self.show_toast(self.save_to("quick"))

    def quickload(self) -> None:
        result = services.saves(self.the_app).quickload()
        if not result.ok:
            self.show_toast(result.message or "There is no quicksave yet.")
            return
        flow.open_loaded(self.the_app, result, self.known_levels())

    def known_levels(self) -> dict[str, str]:
        """Level id -> the file this screen opened it from (saves name levels by id only)."""
        return {self.level.id: self.ref} if self.level is not None else {}

    def show_toast(self, message: str) -> None:
        self.toast = message
        self.toast_time = TOAST_TIME

    # ================================================================== rollback
    def step_back(self, to_total: int | None = None) -> bool:
        """Roll back one line/choice (or until the backlog holds `to_total` entries)."""
        if self.runner is None or not self.runner.can_step_back():
            return False
        events: list[Event] = []
        while self.runner.can_step_back():
            events = self.runner.step_back()
            if to_total is None or self.runner.history.total <= to_total:
                break
        self.queue = []
        self.choices = None
        self.transition = None
        self.wait = 0.0
        for event in events:
            if isinstance(event, SceneChangeEvent):
                self.enter_scene(event.scene_id)
        self.enqueue([e for e in events if not isinstance(e, SceneChangeEvent)])
        if self.runner.current_line is not None:
            self.box.finish()
        return True

    # ================================================================== modes
    def skipping(self) -> bool:
        held = self.skip_held_for is not None and self.skip_held_for >= SKIP_TAP
        return self.skip_toggle or held

    def can_skip_line(self) -> bool:
        return self.line_seen or services.settings(self.the_app).skip_unseen

    def waiting_line(self) -> bool:
        return self.runner is not None and self.runner.state is RunnerState.WAITING_FOR_CONTINUE and self.box.visible

    def advance(self) -> None:
        """The player's "next": complete the line, or go on to what follows."""
        if not self.waiting_line():
            return
        if not self.box.complete:
            self.box.finish()
            return
        assert self.runner is not None
        self.enqueue(self.runner.advance())
        if self.runner.state is not RunnerState.WAITING_FOR_CHOICE and self.runner.current_line is None:
            self.box.clear()  # the prompt stays visible under a choice; otherwise the box goes

    def open_pause(self) -> None:
        from lm_game.ui.pause import PauseScreen

        self.the_app.stack.push(PauseScreen(self))

    def open_backlog(self) -> None:
        from lm_game.ui.backlog import BacklogScreen

        self.the_app.stack.push(BacklogScreen(self))

    # ================================================================== input
    def handle(self, event: InputEvent) -> bool:
        if self.devtools is not None and self.devtools.handle(event):
            return True
        a = event.action
        if self.error:
            if event.pressed and a in (Action.CONFIRM, Action.CANCEL, Action.MENU):
                flow.back_to_title(self.the_app)
            return True
        if a is Action.SKIP:
            if event.pressed:
                self.skip_held_for = 0.0
            else:
                if self.skip_held_for is not None and self.skip_held_for < SKIP_TAP:
                    self.skip_toggle = not self.skip_toggle
                self.skip_held_for = None
            return True
        if not event.pressed and not event.is_pointer:
            return self.logic_handle(event)
        if self.card is not None:
            if event.pressed and a in (Action.CONFIRM, Action.CANCEL):
                self.card_time = max(self.card_time, CARD_TIME)
            return True
        if self.hidden:
            if event.pressed and a is not Action.POINT:
                self.hidden = False
            return True
        if self.transition is not None:
            return True
        if event.is_pointer and self.button_event(event):
            return True
        if self.choices is not None and (event.is_pointer or a is Action.POINT):
            self.handle_choices(event)
            return True
        if not event.pressed:
            return self.logic_handle(event)
        if a is Action.MENU:
            self.open_pause()
            return True
        if a in (Action.BACKLOG, Action.SCROLL_UP):
            self.open_backlog()
            return True
        if a is Action.QUICKSAVE:
            self.quicksave()
            return True
        if a is Action.QUICKLOAD:
            self.quickload()
            return True
        if a is Action.AUTO:
            self.auto = not self.auto
            self.auto_timer = 0.0
            self.show_toast("Auto-advance on." if self.auto else "Auto-advance off.")
            return True
        if a is Action.HIDE_UI and (self.box.visible or self.choices is not None):
            self.hidden = True
            return True
        if self.choices is not None:
            self.handle_choices(event)
            return True
        if self.waiting_line():
            if a is Action.CONFIRM or a is Action.SCROLL_DOWN:
                self.auto_timer = 0.0
                self.advance()
                return True
            if a is Action.CANCEL and self.skip_toggle:
                self.skip_toggle = False
                return True
            return a is not Action.POINT
        return self.logic_handle(event)

    def handle_choices(self, event: InputEvent) -> None:
        """Pass an event to the choice menu; moving its focus plays the interface's select sound."""
        assert self.choices is not None
        before = self.choices.focus
        self.choices.handle(event, self.choice_font())
        if self.choices is not None and self.choices.chosen is None and self.choices.focus != before:
            sounds.play(self.app, "select")

    def logic_handle(self, event: InputEvent) -> bool:
        if self.logic is not None and self.logic_active():
            return self.logic.handle(event)
        return False

    def logic_active(self) -> bool:
        """Scene logic runs only when no dialogue, choice, transition or card is showing."""
        return (
            self.runner is not None
            and self.runner.state is RunnerState.RETURNED
            and not self.queue
            and self.transition is None
            and self.card is None
            and self.wait <= 0.0
        )

    # ================================================================== quick buttons (mouse/touch)
    def button_labels(self) -> list[str]:
        if self.box.visible or self.choices is not None:
            return ["Back", "Log", "Auto", "Skip", "Hide", "Menu"]
        return ["Log", "Menu"]

    def button_event(self, event: InputEvent) -> bool:
        if event.action is not Action.CONFIRM or event.pos is None:
            return False
        hit = next((name for name, r in self.quick_buttons if r.collidepoint(event.pos)), None)
        if event.pressed:
            self._armed_button = hit
            return hit is not None
        armed, self._armed_button = self._armed_button, None
        if hit is None:
            return False
        if hit == armed:
            self.press_button(hit)
        return True

    def press_button(self, name: str) -> None:
        if name == "Menu":
            self.open_pause()
        elif name == "Log":
            self.open_backlog()
        elif name == "Auto":
            self.auto = not self.auto
            self.auto_timer = 0.0
        elif name == "Skip":
            self.skip_toggle = not self.skip_toggle
        elif name == "Hide":
            self.hidden = True
        elif name == "Back":
            self.step_back()

    # ================================================================== update
    def update(self, dt: float) -> None:
        if self.devtools is not None and self.devtools.update(dt):
            return  # the level was hot-reloaded: a fresh PlayScreen has replaced this one
        self.time += dt
        app = self.the_app
        s = services.settings(app)
        services.audio(app).update(dt)
        self.effects.update(dt)
        if self.toast_time > 0:
            self.toast_time = max(0.0, self.toast_time - dt)
        if self.error or self.runner is None:
            return
        self.game.add_play_time(dt)
        if self.skip_held_for is not None:
            self.skip_held_for += dt
        if self.card is not None:
            self.card_time += dt
            if self.card_time >= CARD_TIME + (0 if s.reduced_motion else 0.4):
                self.start_next_level()
            return
        if self.transition is not None:
            self.transition.update(dt)
            if self.transition.done:
                self.transition = None
                self.drain()
            return
        if self.wait > 0.0:
            self.wait = max(0.0, self.wait - (dt * 8 if self.skipping() else dt))
            if self.wait <= 0.0:
                self.drain()
            return
        if self.choices is not None:
            self.choices.update(dt, not s.timers_off)
            return
        if self.waiting_line():
            speed = s.text_speed
            self.box.update(dt, 0 if self.skipping() else speed)
            if self.skipping():
                if self.can_skip_line():
                    self.skip_timer += dt
                    if self.skip_timer >= SKIP_INTERVAL:
                        self.skip_timer = 0.0
                        self.box.finish()
                        self.advance()
                elif self.skip_toggle:
                    self.skip_toggle = False
            elif self.auto_on() and self.box.complete:
                delay = s.auto_advance_delay or DEFAULT_AUTO_DELAY
                self.auto_timer += dt
                if self.auto_timer >= delay + 0.02 * len(self.box.text):
                    self.auto_timer = 0.0
                    self.advance()
            return
        if self.logic_active() and self.logic is not None:
            if self.logic_node:
                self.logic_node = False
                self.logic.resume()
            if self.logic_active():
                self.logic.update(dt)

    def auto_on(self) -> bool:
        return self.auto or services.settings(self.the_app).auto_advance_delay > 0

    # ================================================================== drawing
    def dialogue_font(self) -> pygame.font.Font:
        from lm_game.app import game

        return game.assets(self.the_app).font(theme.text_size(services.settings(self.the_app).text_size))

    def choice_font(self) -> pygame.font.Font:
        from lm_game.app import game

        return game.assets(self.the_app).font(theme.ui_size(services.settings(self.the_app).text_size))

    def image(self, rel: str | None, scale: float = 1.0) -> pygame.Surface | None:
        """An asset image, scaled once and cached (never a per-frame smoothscale)."""
        if not rel:
            return None
        key = (rel, round(scale, 3))
        surf = self._scaled.get(key)
        if surf is None:
            from lm_game.app import game

            assets = game.assets(self.the_app)
            if not assets.has(rel):
                return None
            base = assets.image(rel)
            if abs(scale - 1.0) > 1e-3:
                size = (max(1, round(base.get_width() * scale)), max(1, round(base.get_height() * scale)))
                base = pygame.transform.smoothscale(base, size)
            surf = base
            self._scaled[key] = surf
        return surf

    def draw_scene(self, surface: pygame.Surface) -> None:
        """The scene's view: the scene-types renderer, or background and actors."""
        scene = self.scene
        if scene is None:
            surface.fill(theme.NIGHT)
            return
        if self.draw_view is not None and self.logic is not None and not isinstance(self.logic, DialogueLogic):
            from lm_game.app import game

            self.draw_view(surface, self.logic, game.assets(self.the_app), services.settings(self.the_app))
            return
        background = self.image(scene.background)
        if background is not None:
            surface.blit(background, (0, 0))
        else:
            surface.fill(theme.NIGHT)
        if self.level is None:
            return
        for actor in scene.actors:
            character = self.level.characters.get(actor.character)
            if character is None or not character.portrait:
                continue
            emotion = self.actor_emotions.get(actor.character, actor.emotion)
            if emotion not in character.emotions:
                emotion = "neutral"
            img = self.image(f"{character.portrait}_{emotion}.png", actor.scale)
            if img is not None:
                surface.blit(img, img.get_rect(midbottom=(actor.x, actor.y)))

    def draw(self, surface: pygame.Surface) -> None:
        if self.error:
            self.draw_error(surface)
            return
        if self.card is not None:
            self.draw_card(surface)
            return
        dx, dy = self.effects.offset()
        if dx or dy:
            if self._scratch is None:
                self._scratch = pygame.Surface(LOGICAL_SIZE)
            self.draw_scene(self._scratch)
            surface.fill(theme.INK)
            surface.blit(self._scratch, (dx, dy))
        else:
            self.draw_scene(surface)
        app = self.the_app
        s = services.settings(app)
        style = theme.box_style(s.high_contrast)
        cache = services.text(app)
        if not self.hidden:
            if self.box.visible:
                font = self.dialogue_font()
                portrait = None
                if self.box.portrait:
                    portrait = self.image(self.box.portrait, PORTRAIT_SIZE[0] / 240)
                name_font = self.choice_font()
                self.box.draw(
                    surface, font, name_font, cache, services.panels(app), portrait, style,
                    self.time, s.reduced_motion, show_indicator=self.choices is None,
                )
            if self.choices is not None:
                self.choices.draw(surface, self.choice_font(), cache, style, not s.timers_off)
            if not self._thumbnail:
                self.draw_buttons(surface)
                self.draw_modes(surface)
        self.effects.draw(surface)
        if self.toast_time > 0 and self.toast:
            self.draw_toast(surface)
        if self.transition is not None:
            self.transition.draw(surface)

    def draw_buttons(self, surface: pygame.Surface) -> None:
        app = self.the_app
        font = services.text(app)
        from lm_game.app import game

        small = game.assets(app).font(theme.SMALL_SIZE + 2)
        x = W - 10
        self.quick_buttons = []
        for name in reversed(self.button_labels()):
            on = (name == "Auto" and self.auto_on()) or (name == "Skip" and self.skipping())
            label = font.render(small, name, theme.INK if on else theme.CREAM)
            rect = pygame.Rect(0, 0, max(56, label.get_width() + 18), 30)
            rect.topright = (x, 8)
            pygame.draw.rect(surface, theme.GOLD if on else theme.NIGHT, rect, border_radius=4)
            pygame.draw.rect(surface, theme.GOLD, rect, 2, border_radius=4)
            surface.blit(label, label.get_rect(center=rect.center))
            self.quick_buttons.append((name, rect))
            x = rect.left - 6

    def draw_modes(self, surface: pygame.Surface) -> None:
        if not (self.skipping() or self.auto_on()):
            return
        from lm_game.app import game

        font = game.assets(self.the_app).font(theme.SMALL_SIZE + 4)
        text = "SKIP >>" if self.skipping() else "AUTO >"
        label = services.text(self.the_app).render(font, text, theme.INK)
        rect = label.get_rect(topright=(W - 18, 50)).inflate(16, 8)
        pygame.draw.rect(surface, theme.GOLD, rect)
        surface.blit(label, (rect.left + 8, rect.top + 4))

    def draw_toast(self, surface: pygame.Surface) -> None:
        from lm_game.app import game

        font = game.assets(self.the_app).font(theme.SMALL_SIZE + 4)
        label = services.text(self.the_app).render(font, self.toast[:90], theme.CREAM)
        rect = label.get_rect(midtop=(W // 2, 52)).inflate(24, 12)
        pygame.draw.rect(surface, theme.NIGHT, rect)
        pygame.draw.rect(surface, theme.GOLD, rect, 2)
        surface.blit(label, label.get_rect(center=rect.center))

    def draw_card(self, surface: pygame.Surface) -> None:
        """The chapter card between levels: a torn front page with the chapter's headline."""
        from lm_game.app import game

        assert self.card is not None
        surface.fill(theme.NIGHT)
        app = self.the_app
        panel = services.panels(app).panel((760, 300), theme.CREAM, theme.INK, True, seed=21)
        surface.blit(panel, (100, 120))
        cache = services.text(app)
        small = cache.render(game.assets(app).font(34), self.card[0].upper(), theme.RED)
        big = cache.render(game.assets(app).font(72), self.card[1], theme.INK)
        surface.blit(small, small.get_rect(center=(W // 2, 200)))
        pygame.draw.line(surface, theme.INK, (160, 230), (800, 230), 3)
        surface.blit(big, big.get_rect(center=(W // 2, 300)))

    def draw_error(self, surface: pygame.Surface) -> None:
        from lm_game.app import game
        from lm_game.render.text import wrap

        surface.fill(theme.NIGHT)
        surface.blit(services.panels(self.the_app).panel((W - 60, H - 60), theme.CREAM, theme.INK), (30, 30))
        head = game.assets(self.the_app).font(34)
        title = services.text(self.the_app).render(head, "STOP THE PRESSES", theme.DEEP_RED)
        surface.blit(title, title.get_rect(midtop=(W // 2, 52)))
        font = game.assets(self.the_app).font(22)
        y = 100
        for line in wrap(font, self.error + "\n\nPress Enter to return to the title.", W - 140)[:17]:
            s = services.text(self.the_app).render(font, line, theme.INK)
            surface.blit(s, (70, y))
            y += font.get_linesize()

    # ================================================================== harness
    def report(self) -> dict[str, Any]:
        """Everything a test wants to know, as plain data."""
        runner = self.runner
        g = self.game
        line = runner.current_line if runner is not None else None
        return {
            "screen": "PlayScreen",
            "level": self.level.id if self.level is not None else self.ref,
            "scene": self.scene.id if self.scene is not None else None,
            "node": g.node,
            "runner": runner.state.value if runner is not None else None,
            "meters": dict(g.meters),
            "variables": dict(g.variables),
            "inventory": list(g.inventory),
            "line": line.text if line is not None else None,
            "speaker": line.speaker if line is not None else None,
            "line_complete": self.box.complete if self.box.visible else None,
            "revealed": int(self.box.revealed) if self.box.visible else None,
            "choices": [o.text for o in self.choices.options] if self.choices is not None else None,
            "choices_enabled": [o.enabled for o in self.choices.options] if self.choices is not None else None,
            "choice_focus": self.choices.focus if self.choices is not None else None,
            "timer": self.choices.remaining if self.choices is not None else None,
            "logic": self.logic.state() if self.logic is not None else None,
            "transition": self.transition is not None,
            "card": list(self.card) if self.card is not None else None,
            "hidden": self.hidden,
            "auto": self.auto_on(),
            "skipping": self.skipping(),
            "toast": self.toast if self.toast_time > 0 else "",
            "error": self.error,
            "backlog": len(runner.history) if runner is not None else 0,
            "audio": services.audio(self.the_app).state(),
            "shake": list(self.effects.offset()),
        }

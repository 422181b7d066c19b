"""The one reminder to someone who left a screening in the middle: where they stopped, and what
is really left.

"Only a couple more minutes" is a promise; to someone who stopped at the third of thirty
questions it is a lie that costs their trust at the moment they come back. So the reminder
counts the questions still ahead on the shortest way the answers so far allow
(flows/questions.py ``projected``) and their time at the pace the greeting uses (flows/pace.py).
"""

from __future__ import annotations

from flows import pace
from flows import questions as Q
from flows.answers import Answers
from flows.catalogue import t
from flows.lifecycle import RESUME
from flows.machine import REVIEW
from flows.messages import message
from flows.types import Button, OutMessage, Snapshot

RESUME_COMMAND = f"cmd:{RESUME}"  # the welcome-back offer's own "Continue"


def remaining(snapshot: Snapshot) -> list[str]:
    """The questions still ahead, the open one included; [] at the review or the result."""
    if snapshot.state not in Q.BY_ID:
        return []
    answers = Answers.model_validate(snapshot.answers)
    return Q.projected(answers, snapshot.history)


def reminder(snapshot: Snapshot, lang: str) -> OutMessage:
    """The reminder's text and its "Continue" button (the bot puts the stored step on it)."""
    ahead = remaining(snapshot)
    if snapshot.state == REVIEW:
        text = t("reminder.almost", lang)
    elif not ahead:
        text = t("reminder.partway", lang)  # a state this screening does not know (an older deploy's)
    else:
        count = len(ahead)
        mins = pace.minutes(pace.seconds(ahead))
        questions = t("reminder.questions", lang, n=count)
        duration = t("reminder.minutes", lang, n=mins)
        text = t("reminder.left", lang, questions=questions, minutes=duration)
    button = ((Button(t("leads.reminder.button", lang), RESUME_COMMAND),),)
    return message(text, buttons=button, kind="reminder")

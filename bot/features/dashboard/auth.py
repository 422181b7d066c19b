"""Who may see the dashboard: an admin (ADMIN_IDS) who opened a sign-in link the bot sent them.

* ``/dashboard`` in Telegram (admins only) sends a link with a token signed by itsdangerous
  (DASHBOARD_SECRET), valid for :data:`LINK_TTL` and **once**: its nonce is a
  ``dashboard_logins`` row, marked used by a conditional UPDATE, so a link that leaked from a
  chat history or a proxy log is worth nothing after the admin used it or ten minutes passed.
* Opening it sets a signed session cookie (HttpOnly, SameSite=Strict, Secure on https) that
  expires after :data:`SESSION_TTL`; every request checks the signature, the age and that the id
  is still in ADMIN_IDS (removing an admin ends their sessions).
* Every form carries a CSRF token tied to the session (signed with its own salt); a POST
  without the right one is refused, whatever the cookie says.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.office import DashboardLogin

LINK_TTL = timedelta(minutes=10)
SESSION_TTL = timedelta(hours=8)
COOKIE = "office_session"
LOGIN_PATH = "/dashboard/login"


@dataclass(frozen=True)
class StaffSession:
    user_id: int
    sid: str


class Signatures:
    """The three signed things, each with its own salt so one can never pass for another."""

    def __init__(self, settings: Settings) -> None:
        secret = settings.secret("dashboard_secret")
        if len(secret) < 16:
            raise ValueError("DASHBOARD_SECRET must be at least 16 characters")
        self.settings = settings
        self.link = URLSafeTimedSerializer(secret, salt="office-login-link")
        self.session = URLSafeTimedSerializer(secret, salt="office-session")
        self.csrf = URLSafeTimedSerializer(secret, salt="office-csrf")

    def admin(self, user_id: Any) -> bool:
        return isinstance(user_id, int) and user_id in self.settings.admin_ids

    # ------------------------------------------------------------------ the sign-in link

    async def issue_link(self, factory: async_sessionmaker[AsyncSession], user_id: int, now: datetime) -> str:
        nonce = secrets.token_urlsafe(18)
        async with factory() as session, session.begin():
            session.add(DashboardLogin(nonce=nonce, user_id=user_id, created_at=now))
        token = self.link.dumps({"n": nonce, "u": user_id})
        return f"{self.settings.public_base_url}{LOGIN_PATH}?t={token}"

    async def redeem(
        self, factory: async_sessionmaker[AsyncSession], token: str, now: datetime
    ) -> int | None:
        """The admin a valid, fresh, unused link belongs to (and the link is used up); else None."""
        try:
            data = self.link.loads(token, max_age=int(LINK_TTL.total_seconds()))
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict) or not self.admin(data.get("u")) or not isinstance(data.get("n"), str):
            return None
        async with factory() as session, session.begin():
            used = await session.execute(
                update(DashboardLogin)
                .where(
                    DashboardLogin.nonce == data["n"],
                    DashboardLogin.user_id == data["u"],
                    DashboardLogin.used_at.is_(None),
                )
                .values(used_at=now)
            )
            if getattr(used, "rowcount", 0) != 1:
                return None
        return int(data["u"])

    # ------------------------------------------------------------------ the session cookie

    def new_session(self, user_id: int) -> tuple[StaffSession, str]:
        staff = StaffSession(user_id=user_id, sid=secrets.token_urlsafe(16))
        return staff, self.session.dumps({"u": user_id, "s": staff.sid})

    def read_session(self, cookie: str | None) -> StaffSession | None:
        if not cookie:
            return None
        try:
            data = self.session.loads(cookie, max_age=int(SESSION_TTL.total_seconds()))
        except BadSignature:
            return None
        if not isinstance(data, dict) or not self.admin(data.get("u")) or not isinstance(data.get("s"), str):
            return None
        return StaffSession(user_id=int(data["u"]), sid=data["s"])

    def cookie_options(self) -> dict[str, Any]:
        return {
            "max_age": int(SESSION_TTL.total_seconds()),
            "httponly": True,
            "samesite": "Strict",
            "secure": self.settings.public_base_url.startswith("https://"),
            "path": "/dashboard",
        }

    # ------------------------------------------------------------------ CSRF

    def csrf_token(self, staff: StaffSession) -> str:
        return self.csrf.dumps(staff.sid)

    def csrf_ok(self, staff: StaffSession, token: str | None) -> bool:
        if not token:
            return False
        try:
            sid = self.csrf.loads(token, max_age=int(SESSION_TTL.total_seconds()))
        except BadSignature:
            return False
        return secrets.compare_digest(str(sid), staff.sid)

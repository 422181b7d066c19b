"""The baseline: a bare aiogram echo bot, run through the same harness as the real bot.

No database, no conversation: it answers each message with its text and each button press with an
answer to the query plus a message, so the figures measure aiogram, HTTP and the harness alone.
``python -m bench.echo --mode polling|webhook --api URL [--port P --secret S] [--keep-response-models]``

``--keep-response-models`` is the second baseline (``echofix`` in the bench): the same bot without the
largest aiogram inefficiency the real bot avoids, with the bot's own class for it
(``bot.telegram.session.KeepsResponseModels``). aiogram parametrises
``Response[T]`` on every call and pydantic caches that class weakly, so after each garbage collection
it is built again: py-spy put 25.5% of the bare echo bot's samples in that rebuild
(``complete_model_class``), and 0% of the bot's. The bot's smaller request-path savings (JSON bodies,
unread results, the GC threshold) are not given to it.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.telegram.session import KeepsResponseModels

KEYBOARD = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="go", callback_data="go")]])


def create_dispatcher() -> Dispatcher:
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {message.text}", reply_markup=KEYBOARD)

    @router.callback_query()
    async def pressed(query: CallbackQuery, bot: Bot) -> None:
        await query.answer()
        await bot.send_message(query.from_user.id, f"echo: {query.data}", reply_markup=KEYBOARD)

    dp = Dispatcher()
    dp.include_router(router)
    return dp


async def main(args: argparse.Namespace) -> None:
    session_class = KeepsResponseModels if args.keep_response_models else AiohttpSession
    bot = Bot("42:TEST", session=session_class(api=TelegramAPIServer.from_base(args.api)))
    dp = create_dispatcher()
    if args.mode == "polling":
        await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types())
        return
    app = web.Application()
    # Same acknowledgement rule as the real bot: answer after handling.
    SimpleRequestHandler(dp, bot, handle_in_background=False, secret_token=args.secret).register(
        app, path="/hook"
    )
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", args.port).start()
    await bot.set_webhook(
        f"http://127.0.0.1:{args.port}/hook",
        secret_token=args.secret,
        allowed_updates=dp.resolve_used_update_types(),
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    await runner.cleanup()
    await bot.session.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["polling", "webhook"], required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--secret", default="bench-secret")
    parser.add_argument("--keep-response-models", action="store_true")
    asyncio.run(main(parser.parse_args()))

"""The local text-based intent tester: `voicecart chat` and `voicecart dialog test|record`.

- `envelopes`: Alexa, Dialogflow ES and text-channel request bodies, and reply extraction
  (pure functions, shared with the end-to-end tests);
- `clients`: `InProcessClient` (the conversation core, in this process) and `HttpClient`
  (a running server, spoken to as a platform would);
- `repl`: the chat loop and its `:commands`;
- `dialogs`: the YAML dialog format, its runner and report, and recording;
- `commands`: the click commands, registered in `skill.cli`;
- the browser tester: `web/` (the page: plain HTML, CSS and JavaScript), `web_routes` (GET
  /tester and its JSON endpoints, guarded outside --dev), `web_turns` (a turn on any channel
  with what was understood, dialog runs and exports) and `web_launch` (`chat --web`).
"""
from skill.tester.clients import (Client, ConnectionFailed, HttpClient, InProcessClient,
                                  TesterError, TurnResult)

__all__ = ["Client", "ConnectionFailed", "HttpClient", "InProcessClient", "TesterError",
           "TurnResult"]

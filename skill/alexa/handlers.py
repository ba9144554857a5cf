"""The Alexa skill as ask-sdk-core request handlers: thin translators around our conversation.

Each handler turns the Alexa request into a ParsedRequest (or text for ShoppingRequestIntent),
asks the shared Conversation, and turns the Reply into an Alexa response.
"""
from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import (AbstractExceptionHandler, AbstractRequestHandler,
                                              AbstractRequestInterceptor, AbstractResponseInterceptor)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import get_account_linking_access_token, is_request_type
from ask_sdk_model import Response
from ask_sdk_model.ui import AskForPermissionsConsentCard, LinkAccountCard, SimpleCard

from cart.session_carts import session_customer_id
from intents.dialog.conversation import Conversation
from intents.model import Reply
from intents.dialog.speech import ssml_escape
from skill.alexa.slots import SEARCH_INTENT, slot_value, to_parsed_request
from skill.alexa.device_address import PERMISSION as ADDRESS_PERMISSION, lookup_for
from skill.linking import Linker
from skill.phrases import CARRIED_REQUESTS, carried_text
from skill.request_log import UNHANDLED, note_error

log = logging.getLogger("voicecart.alexa")
CHANNEL = "alexa"
CARD_TITLE = "voice cart"
APOLOGY = "Sorry, something went wrong on my side. Your cart is safe. Please try that again."


def _who(handler_input: HandlerInput) -> dict:
    return handler_input.attributes_manager.request_attributes


class IdentityInterceptor(AbstractRequestInterceptor):
    """Who is asking, from the verified envelope: the cart belongs to the Alexa user, or to
    the linked customer when `context.System.user.accessToken` carries a valid token (the
    session id only keys the dialog state). Session attributes are never trusted for this."""

    def __init__(self, linker: Linker | None = None, dev: bool = False) -> None:
        self.linker, self.dev = linker, dev

    def process(self, handler_input: HandlerInput) -> None:
        envelope = handler_input.request_envelope
        system = envelope.context.system if envelope.context else None
        user = (system.user if system else None) or (envelope.session.user if envelope.session else None)
        attrs = _who(handler_input)
        # Never cut: two long ids sharing a prefix would be one cart (the route bounds the length).
        # Alexa always sends a user id; without one the shopper gets a cart of this request only.
        attrs["customer_id"] = user.user_id if user and user.user_id else \
            session_customer_id(CHANNEL, envelope.request.request_id or "unknown")
        attrs["session_id"] = (envelope.session.session_id if envelope.session else None) \
            or f"nosession:{envelope.request.request_id}"
        attrs["request_id"] = envelope.request.request_id
        attrs["may_order"], attrs["refusal"] = True, None
        if system is not None:
            attrs["device_address"] = lookup_for(
                system.api_endpoint, system.api_access_token,
                system.device.device_id if system.device else None, dev=self.dev)
        if self.linker is not None and self.linker.enabled:
            shopper = self.linker.resolve(attrs["customer_id"],
                                          get_account_linking_access_token(handler_input))
            attrs["customer_id"], attrs["may_order"] = shopper.customer_id, shopper.may_order
            attrs["refusal"] = shopper.refusal


class LoggingRequestInterceptor(AbstractRequestInterceptor):
    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        intent = getattr(getattr(request, "intent", None), "name", None)
        # Ids only: never tokens, never what the shopper said in full
        log.debug("alexa request %s %s%s", request.object_type, request.request_id,
                 f" intent={intent}" if intent else "")


class LoggingResponseInterceptor(AbstractResponseInterceptor):
    def process(self, handler_input: HandlerInput, response: Response) -> None:
        log.debug("alexa response %s end_session=%s", handler_input.request_envelope.request.request_id,
                 getattr(response, "should_end_session", None))


def _respond(handler_input: HandlerInput, reply: Reply) -> Response:
    builder = handler_input.response_builder
    builder.speak(ssml_escape(reply.speech))
    if reply.end_session:
        builder.set_should_end_session(True)
    else:
        builder.ask(ssml_escape(reply.reprompt or reply.speech))
    if reply.link_account:
        builder.set_card(LinkAccountCard())  # the Alexa app shows "link account" with our URI
    elif reply.share_address:
        builder.set_card(AskForPermissionsConsentCard(permissions=[ADDRESS_PERMISSION]))
    elif reply.card_text:
        # A Simple card: title and content together at most 8,000 characters (Alexa's limit)
        title = (reply.card_title or CARD_TITLE)[:200]
        builder.set_card(SimpleCard(title, reply.card_text[:8000 - len(title)]))
    return builder.response


def _refused(handler_input: HandlerInput) -> Response | None:
    """Linking is required before anything (policy `always`) and the shopper is not linked."""
    refusal = _who(handler_input).get("refusal")
    return _respond(handler_input, refusal) if refusal is not None else None


class ConversationHandler(AbstractRequestHandler):
    """A request handler that answers through the shared conversation."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation


class LaunchHandler(ConversationHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        if (refused := _refused(handler_input)) is not None:
            return refused
        who = _who(handler_input)
        reply = self.conversation.welcome(channel=CHANNEL, session_id=who["session_id"],
                                          customer_id=who["customer_id"], may_order=who["may_order"])
        return _respond(handler_input, reply)


class SessionEndedHandler(ConversationHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        who = _who(handler_input)
        self.conversation.end(channel=CHANNEL, session_id=who["session_id"], customer_id=who["customer_id"])
        return handler_input.response_builder.response  # Alexa ignores any speech here


class ShoppingRequestHandler(ConversationHandler):
    """Free-form requests ("add milk eggs and bread"), and the carried requests of
    skill.phrases (substitutions, delivery notes, stores), go through our own parser."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        # is_intent_name raises on an IntentRequest without an intent; that one is a Fallback
        intent = getattr(handler_input.request_envelope.request, "intent", None)
        name = getattr(intent, "name", None)
        return is_request_type("IntentRequest")(handler_input) and (
            name == SEARCH_INTENT or name in CARRIED_REQUESTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        if (refused := _refused(handler_input)) is not None:
            return refused
        who = _who(handler_input)
        intent = handler_input.request_envelope.request.intent
        text = slot_value(intent.slots, "Query") or ""
        if intent.name in CARRIED_REQUESTS:
            # substitutions, delivery notes, stores: the words the intent stands for
            text = carried_text(intent.name, text)
        reply = self.conversation.respond(channel=CHANNEL, session_id=who["session_id"],
                                          customer_id=who["customer_id"], text=text,
                                          request_key=who["request_id"], may_order=who["may_order"],
                                          device_address=who.get("device_address"))
        return _respond(handler_input, reply)


class IntentHandler(ConversationHandler):
    """Every other intent (ours and AMAZON.* built-ins): slots -> ParsedRequest. Unknown intent
    names become Fallback, which re-prompts without touching the cart."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        if (refused := _refused(handler_input)) is not None:
            return refused
        who = _who(handler_input)
        intent = handler_input.request_envelope.request.intent
        request = to_parsed_request(getattr(intent, "name", None) or "", getattr(intent, "slots", None))
        reply = self.conversation.respond(channel=CHANNEL, session_id=who["session_id"],
                                          customer_id=who["customer_id"], request=request,
                                          request_key=who["request_id"], may_order=who["may_order"],
                                          device_address=who.get("device_address"))
        return _respond(handler_input, reply)


class OtherRequestHandler(AbstractRequestHandler):
    """Request types this skill does not use (e.g. System.ExceptionEncountered): an empty answer."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class ApologyExceptionHandler(AbstractExceptionHandler):
    """Any error becomes a polite spoken apology, never an HTTP 500."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.exception("alexa handler failed", exc_info=exception)
        note_error(UNHANDLED)  # answered 200 with an apology: counted as the error it is
        return (handler_input.response_builder.speak(APOLOGY)
                .ask("What would you like to do?").response)


def build_skill(conversation: Conversation, linker: Linker | None = None, *,
                dev: bool = False) -> CustomSkill:
    sb = SkillBuilder()
    for handler in (LaunchHandler(conversation), SessionEndedHandler(conversation),
                    ShoppingRequestHandler(conversation), IntentHandler(conversation),
                    OtherRequestHandler()):
        sb.add_request_handler(handler)
    sb.add_exception_handler(ApologyExceptionHandler())
    sb.add_global_request_interceptor(IdentityInterceptor(linker, dev))
    sb.add_global_request_interceptor(LoggingRequestInterceptor())
    sb.add_global_response_interceptor(LoggingResponseInterceptor())
    return sb.create()

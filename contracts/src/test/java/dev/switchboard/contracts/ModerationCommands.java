package dev.switchboard.contracts;

import java.time.Instant;

/** Moderation requests from policies and from people. */
final class ModerationCommands {

  private ModerationCommands() {}

  static final String ABUSIVE_COMMENT = "812345678901234_1923456789067890";
  static final String ABUSIVE_AUTHOR = "7098765432109876";

  /** The abuse policy asking to hide an abusive Facebook comment. */
  static ModerationCommand aPolicyHide() {
    String page = ChannelEvents.TRUST_PAGE;
    return new ModerationCommand(
        "6f1d2b7e-4c3a-4e59-9b1f-2a7c5d8e9f01",
        Ids.targetKey(Channel.FACEBOOK, page, ABUSIVE_COMMENT),
        Channel.FACEBOOK,
        page,
        ModerationAction.HIDE,
        Ids.itemId(Channel.FACEBOOK, page, ABUSIVE_COMMENT),
        ABUSIVE_COMMENT,
        ABUSIVE_AUTHOR,
        null,
        "Abusive language towards staff matched the policy 'Hide abusive comments'.",
        new Actor(Actor.ActorType.POLICY, "policy-hide-abuse", "Hide abusive comments"),
        Instant.parse("2025-03-14T09:15:31.204Z"));
  }
}

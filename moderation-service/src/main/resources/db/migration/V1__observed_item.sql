-- Classified events the moderation service has seen, one row per event id (redeliveries add nothing).
-- No post text or author: policies later need the labels and identities, not the content.
CREATE TABLE observed_item (
    event_id         text        PRIMARY KEY,
    item_id          text        NOT NULL,
    conversation_key text        NOT NULL,
    channel          text        NOT NULL,
    account          text        NOT NULL,
    event_kind       text        NOT NULL,
    labels           text        NOT NULL, -- label names, comma-separated, in the classifier's order
    priority         text        NOT NULL,
    route            text,
    classified_at    timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL
);

CREATE INDEX observed_item_conversation ON observed_item (conversation_key, recorded_at);
CREATE INDEX observed_item_item ON observed_item (item_id);

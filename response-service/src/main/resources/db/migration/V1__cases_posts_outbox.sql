-- Item events already applied: the guard that makes redelivery harmless.
create table processed_events (
  event_id     text primary key,
  processed_at timestamptz not null
);

-- One case per conversation; the id is derived from the conversation key.
create table cases (
  case_id          text primary key,
  conversation_key text not null unique,
  status           text not null,
  channel          text not null,
  account          text not null,
  first_post_at    timestamptz not null,
  last_post_at     timestamptz not null,
  post_count       integer not null,
  labels           text[] not null,
  priority         text not null,
  team             text not null,
  sequence         bigint not null,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create index cases_by_last_post on cases (last_post_at desc, case_id);
create index cases_by_status on cases (status, last_post_at desc);

-- The current state of each platform item.
create table posts (
  item_id     text primary key,
  case_id     text not null references cases (case_id),
  event_id    text not null,
  kind        text not null,
  revision    integer not null,
  author_name text,
  text        text,
  url         text,
  posted_at   timestamptz not null,
  labels      text[] not null,
  priority    text not null,
  route       text not null,
  deleted     boolean not null,
  updated_at  timestamptz not null
);
create index posts_by_case on posts (case_id, posted_at, item_id);

-- Every text an item ever had, one row per item event: legal needs edited and deleted wording.
create table post_revisions (
  item_id     text not null,
  event_id    text not null,
  kind        text not null,
  revision    integer not null,
  text        text not null,
  recorded_at timestamptz not null,
  primary key (item_id, event_id)
);

-- Transactional outbox: case events written with the change, relayed to Kafka afterwards.
create table outbox (
  id          bigserial primary key,
  event_id    text not null unique,
  topic       text not null,
  record_key  text not null,
  ce_type     text not null,
  payload     text not null,
  occurred_at timestamptz not null,
  created_at  timestamptz not null,
  sent_at     timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;

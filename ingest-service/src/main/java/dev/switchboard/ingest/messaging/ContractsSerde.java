package dev.switchboard.ingest.messaging;

import dev.switchboard.contracts.Actor;
import dev.switchboard.contracts.Attachment;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.Evidence;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.ModerationCommand;
import dev.switchboard.contracts.ModerationOutcome;
import dev.switchboard.contracts.Reason;
import dev.switchboard.contracts.SlaAlert;
import dev.switchboard.ingest.webhook.GenericPost;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Makes the framework-free records (contracts and the generic post) readable and writable by
 * micronaut-serde, which needs build-time introspection: the contracts jar carries Jackson
 * annotations only. Every record that crosses a topic is listed, including the ones this service
 * only reads in tests, so a contracts change that serde cannot handle fails here first.
 */
@SerdeImport(ChannelEvent.class)
@SerdeImport(ClassifiedEvent.class)
@SerdeImport(ModerationCommand.class)
@SerdeImport(ModerationOutcome.class)
@SerdeImport(CaseEvent.class)
@SerdeImport(SlaAlert.class)
@SerdeImport(Author.class)
@SerdeImport(Attachment.class)
@SerdeImport(Label.class)
@SerdeImport(Reason.class)
@SerdeImport(Actor.class)
@SerdeImport(Evidence.class)
@SerdeImport(GenericPost.class)
@SerdeImport(GenericPost.GenericAuthor.class)
@SerdeImport(GenericPost.GenericAttachment.class)
public final class ContractsSerde {

  private ContractsSerde() {}
}

package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * One service (usually the trust) whose Care Opinion stories are read: {@code
 * switchboard.connectors.care-opinion.services.<name>.ods-code}, one code or several separated by
 * commas (the trust and some of its sites); the first is the events' account. Its subscription key
 * is {@code SWITCHBOARD_CARE_OPINION_KEY_<NAME>}, or the shared {@code
 * SWITCHBOARD_CARE_OPINION_KEY}.
 *
 * @param name the service's name in Switchboard (the connector id is {@code care-opinion:<name>})
 * @param odsCode the ODS (NACS) codes of the services whose stories are read
 */
@EachProperty(CareOpinionSettings.PREFIX + ".services")
public record CareOpinionServiceSettings(@Parameter String name, @NotEmpty List<String> odsCode) {}

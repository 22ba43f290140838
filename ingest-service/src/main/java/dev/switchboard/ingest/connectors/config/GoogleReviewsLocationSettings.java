package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * One Business Profile location (hospital site) whose reviews are watched: {@code
 * switchboard.connectors.google-reviews.locations.<name>.*}. Its OAuth access token is the
 * environment variable {@code SWITCHBOARD_GOOGLE_REVIEWS_TOKEN_<NAME>}.
 *
 * @param name the location's name in Switchboard (the connector id is {@code
 *     google-reviews:<name>})
 * @param accountId the Business Profile account id the location belongs to
 * @param locationId the location id (the events' account)
 * @param reviewsUrl the public page of the location's reviews, set as the events' url; optional
 */
@EachProperty(GoogleReviewsSettings.PREFIX + ".locations")
public record GoogleReviewsLocationSettings(
    @Parameter String name,
    @NotBlank String accountId,
    @NotBlank String locationId,
    @Nullable String reviewsUrl) {}

package dev.switchboard.channels.x;

/**
 * One entry of {@code errors[]} in a 200 answer: part of the answer X could not give (an author it
 * could not expand, a post withheld). Holds no post text.
 *
 * @param type the last segment of the problem type URI ({@code resource-not-found}...), may be null
 * @param title the problem's title, may be null
 * @param resourceType what could not be given ({@code user}, {@code tweet}...), may be null
 * @param resourceId its id, may be null
 */
public record XPartialError(String type, String title, String resourceType, String resourceId) {}

/**
 * The Care Opinion API v2 read side: published stories ("opinions") about a trust's services by
 * ODS/NACS code, and the responses published on them. Plain Java over the {@code http} core, with a
 * client-side limit of the API's 5 requests per second.
 */
package dev.switchboard.channels.careopinion;

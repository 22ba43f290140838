/**
 * Everything Switchboard knows about the social platforms themselves: webhook signature checks now,
 * one client per platform later. Plain Java with no dependency injection, so Micronaut and Spring
 * services use it alike.
 */
package dev.switchboard.channels;

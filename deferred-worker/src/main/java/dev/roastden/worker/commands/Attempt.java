package dev.roastden.worker.commands;

import dev.roastden.worker.time.TimeBudget;

/**
 * What producing a reply needs to know about the attempt it is part of.
 *
 * @param lastChance no retry will follow: answer a friendly error instead of failing retryably
 * @param repeated an earlier attempt at the same interaction held it and may have done part of the work (deleted
 *     memories, say) without getting as far as saving its reply
 * @param modelTime how long the model step may take, all its attempts and waits included
 */
public record Attempt(boolean lastChance, boolean repeated, TimeBudget modelTime) {}

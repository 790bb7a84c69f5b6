package dev.roastden.core.prompt;

/**
 * A prompt in the shape a chat model takes it.
 *
 * @param system the static system text: safety rules, the persona card and the roster. Identical for every request
 *     to the same persona, so a prompt-cache point goes right after it
 * @param context the per-request system text: memories that apply now
 * @param instruction the trusted task, sent as the first part of the user turn
 * @param userData what Discord users typed, delimited as data; the part a guardrail should screen
 */
public record Prompt(String system, String context, String instruction, String userData) {}

package dev.roastden.emulators.discord;

/** The emulator's answer to one request: status, JSON body (null for none) and a Retry-After (null for none). */
record Reply(int status, String body, String retryAfter) {}

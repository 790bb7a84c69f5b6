package dev.roastden.core.interaction;

import java.util.Optional;

/**
 * A file a user attached to a command option, as Discord resolved it. Everything here is what the client claims:
 * the worker fetches {@code url} only from Discord's CDN, bounded in size, and tells the type from the bytes.
 *
 * @param id the attachment's snowflake (the option's value)
 * @param filename the name the user gave it
 * @param url where Discord serves it
 * @param size the size Discord reported, in bytes
 * @param contentType the media type Discord reported, if any
 */
public record Attachment(String id, String filename, String url, long size, Optional<String> contentType) {}

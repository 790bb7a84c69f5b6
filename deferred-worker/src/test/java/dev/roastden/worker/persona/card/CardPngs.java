package dev.roastden.worker.persona.card;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test support: writes tiny real PNG files (a 1×1 pixel image) with tEXt chunks, chunk by chunk and independently
 * of the code under test. {@link #main} regenerated the committed fixtures {@code cards/v2.card.png} and {@code
 * cards/v3.card.png} (run it with the test classpath and the fixture folder as its argument).
 */
public final class CardPngs {
    static final String V2_CARD =
            """
            {"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"Marisol Wrench",
            "description":"Marisol fixes anything with an engine and talks to carburettors like old friends. She charges in pastries.",
            "personality":"blunt, greasy, generous",
            "scenario":"","first_mes":"Pop the hood. Let's see what you did to it.",
            "mes_example":"<START>\\n{{user}}: It makes a noise.\\n{{char}}: Everything makes a noise, {{user}}. Which noise?",
            "creator_notes":"","system_prompt":"","post_history_instructions":"","alternate_greetings":[],
            "tags":["mechanic"],"creator":"roastden-fixtures","character_version":"1","extensions":{}}}
            """;
    static final String V3_CARD =
            """
            {"spec":"chara_card_v3","spec_version":"3.0","data":{"name":"Pixel Pete",
            "description":"Pete has played the same arcade cabinet since 1987 and holds the high score under eleven names.",
            "personality":"smug, nostalgic, twitchy thumbs",
            "scenario":"","first_mes":"Insert coin. Or don't, and watch a master.",
            "mes_example":"","creator_notes":"","system_prompt":"Keep replies short.","post_history_instructions":"",
            "alternate_greetings":[],"group_only_greetings":[],"tags":[],"creator":"roastden-fixtures",
            "character_version":"1","extensions":{},
            "character_book":{"entries":[{"keys":["high score"],"content":"Pete's high score is 9,999,990: the machine cannot show more.","enabled":true,"insertion_order":0,"use_regex":false,"extensions":{}}]}}}
            """;
    /** A V2 card in the same PNG as {@link #V3_CARD}: readers must prefer ccv3. */
    static final String DECOY_V2_CARD =
            """
            {"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"Decoy Dan","description":"Old copy.",
            "personality":"stale","scenario":"","first_mes":"","mes_example":"","creator_notes":"","system_prompt":"",
            "post_history_instructions":"","alternate_greetings":[],"tags":[],"creator":"","character_version":"","extensions":{}}}
            """;

    private CardPngs() {}

    /** A 1×1 RGBA PNG carrying {@code texts} as tEXt chunks, in order. */
    public static byte[] png(Map<String, String> texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        try {
            header.writeInt(1);
            header.writeInt(1);
            header.write(new byte[] {8, 6, 0, 0, 0});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IHDR", ihdr.toByteArray());
        texts.forEach((keyword, text) -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
            body.write(0);
            body.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            chunk(out, "tEXt", body.toByteArray());
        });
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[] {0, (byte) 0xE6, 0x7E, 0x22, (byte) 0xFF});
        deflater.finish();
        byte[] buffer = new byte[64];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] idat = new byte[n];
        System.arraycopy(buffer, 0, idat, 0, n);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Base64 of a card's UTF-8 JSON, as card tools write it. */
    public static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** Writes the committed PNG fixtures into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, String> v2 = new LinkedHashMap<>();
        v2.put("chara", base64(V2_CARD));
        Files.write(dir.resolve("v2.card.png"), png(v2));
        Map<String, String> v3 = new LinkedHashMap<>();
        v3.put("chara", base64(DECOY_V2_CARD));
        v3.put("ccv3", base64(V3_CARD));
        Files.write(dir.resolve("v3.card.png"), png(v3));
    }
}

package dev.roastden.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Character cards made by the tests themselves, so an import is proven on files nobody wrote the importer against:
 * a Character Card V2 as JSON, and the same card inside a real 1×1 PNG in a {@code chara} tEXt chunk (base64 JSON),
 * as SillyTavern and the card sites write them.
 */
public final class CardFixtures {
    private CardFixtures() {}

    /** A Character Card V2 with a lorebook entry. */
    public static String cardV2(String name) {
        return "{\"spec\":\"chara_card_v2\",\"spec_version\":\"2.0\",\"data\":{"
                + "\"name\":\"" + name + "\","
                + "\"description\":\"A retired lighthouse keeper who reviews everyone's life choices like weather.\","
                + "\"personality\":\"gruff, nautical, secretly sentimental\","
                + "\"scenario\":\"\","
                + "\"first_mes\":\"Storm's coming, and it's you.\","
                + "\"mes_example\":\"<START>\\n{{char}}: Batten down, here comes another bad idea.\","
                + "\"creator_notes\":\"made for the Roast Den tests\","
                + "\"system_prompt\":\"Stay in character.\","
                + "\"post_history_instructions\":\"\","
                + "\"alternate_greetings\":[],"
                + "\"tags\":[\"test\"],"
                + "\"creator\":\"roastden-tests\","
                + "\"character_version\":\"1\","
                + "\"extensions\":{},"
                + "\"character_book\":{\"entries\":[{\"keys\":[\"lighthouse\"],\"content\":\"The lamp went out in 1987"
                + " and " + name + " still blames the gulls.\",\"enabled\":true,\"insertion_order\":0,"
                + "\"extensions\":{}}],\"extensions\":{}}}}";
    }

    /** {@link #cardV2} inside a 1×1 grey PNG, base64 in a {@code chara} tEXt chunk. */
    public static byte[] pngCard(String name) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(1)
                .putInt(1)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(png, "IHDR", header.array());
        byte[] text = ("chara\0"
                        + Base64.getEncoder().encodeToString(cardV2(name).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.ISO_8859_1);
        chunk(png, "tEXt", text);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[] {0, (byte) 0x80});
        deflater.finish();
        byte[] buffer = new byte[64];
        int length = deflater.deflate(buffer);
        deflater.end();
        byte[] idat = new byte[length];
        System.arraycopy(buffer, 0, idat, 0, length);
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

package dev.roastden.emulators.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multipart bodies split as RFC 7578 says, binary content kept byte for byte, malformed bodies refused by name. */
class MultipartFormTest {
    @Test
    void partsKeepTheirNamesFilenamesTypesAndExactBytes() throws Exception {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', '-', '-', 0};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("--b0und\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"content\":\"hi\"}\r\n"
                + "--b0und\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"card.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
        body.writeBytes(binary);
        body.writeBytes(ascii("\r\n--b0und--\r\n"));

        List<MultipartForm.Part> parts =
                MultipartForm.parse("multipart/form-data; boundary=\"b0und\"", body.toByteArray());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("payload_json");
        assertThat(parts.get(0).filename()).isEmpty();
        assertThat(parts.get(0).text()).isEqualTo("{\"content\":\"hi\"}");
        assertThat(parts.get(1).name()).isEqualTo("files[0]");
        assertThat(parts.get(1).filename()).contains("card.png");
        assertThat(parts.get(1).contentType()).contains("image/png");
        assertThat(parts.get(1).bytes()).isEqualTo(binary);
    }

    @Test
    void malformedBodiesAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", ascii("x")))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> MultipartForm.parse(
                        "multipart/form-data; boundary=b",
                        ascii("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end")))
                .hasMessageContaining("closing boundary");
        assertThatThrownBy(() -> MultipartForm.parse(
                        "multipart/form-data; boundary=b", ascii("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--")))
                .hasMessageContaining("Content-Disposition");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package dev.probebook.probe.whois;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Whois answers carry no charset: the first of UTF-8, EUC-KR (the Korean registry's) and Latin-1 that decodes. */
final class Charsets {

    private static final List<Charset> TRIED = List.of(StandardCharsets.UTF_8, Charset.forName("EUC-KR"));

    private Charsets() {}

    static String decode(byte[] bytes) {
        for (Charset c : TRIED) {
            try {
                return c.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                // the next charset
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}

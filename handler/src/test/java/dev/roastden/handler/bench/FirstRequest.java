package dev.roastden.handler.bench;

/** The request a cold-start run answers first, from the signed samples of the events module. */
public enum FirstRequest {
    /** The signed {@code /roast} sample: type 5, its job on the queue. */
    ROAST("interactions/roast.json", "\"id\": \"1310000000000000001\""),
    /** The signed persona autocomplete of {@code /roast} ("fo"): type 8, nothing queued. */
    AUTOCOMPLETE("interactions/autocomplete-persona.json", "\"id\": \"1310000000000000007\"");

    final String sample;
    final String idField;

    FirstRequest(String sample, String idField) {
        this.sample = sample;
        this.idField = idField;
    }
}

package dev.roastden.worker.persona;

import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.worker.consent.ConsentStore;
import dev.roastden.worker.persona.attachments.AttachmentFetcher;
import dev.roastden.worker.persona.card.PersonaValidator;
import java.time.Clock;

/**
 * What the persona commands share: the store (every write conditional on the version read), the directory (server
 * persona, else bundled), opt-outs, the schema validator, the attachment fetcher and the clock.
 */
public record PersonaTools(
        PersonaStore store,
        PersonaDirectory directory,
        ConsentStore consent,
        PersonaValidator validator,
        AttachmentFetcher fetcher,
        Clock clock) {

    public PersonaCatalog bundled() {
        return directory.bundled();
    }
}

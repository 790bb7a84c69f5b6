package dev.roastden.handler;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.CommandOptions;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.core.response.InteractionResponse.AutocompleteResult;
import dev.roastden.core.response.InteractionResponse.Choice;
import dev.roastden.handler.InteractionRouter.Routed;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persona choices as the member types, from the server's roster (one bounded GetItem, {@link PersonaReads}).
 * Commands that make a persona speak offer only active ones; the managing commands ({@code /persona edit, show,
 * retire, export}, {@code /forget persona}, {@code /memories}) offer every status and say which, e.g. "Sam —
 * tagline (pending)". When the roster cannot be read in time, or outside a server, the answer is the bundled
 * personas: autocomplete never fails.
 */
final class PersonaAutocomplete {
    /** Commands whose persona option also lists personas that do not speak (yet, or any more). */
    private static final Set<String> EVERY_STATUS =
            Set.of(CommandCatalog.PERSONA, CommandCatalog.FORGET, CommandCatalog.MEMORIES);

    private final PersonaCatalog bundled;
    private final PersonaReads reads;

    PersonaAutocomplete(PersonaCatalog bundled, PersonaReads reads) {
        this.bundled = bundled;
        this.reads = reads;
    }

    Routed answer(Interaction.Autocomplete typing) {
        Optional<CommandOptions.OptionValue> focused = typing.options().focused();
        if (focused.isEmpty() || !focused.get().name().equals(CommandCatalog.PERSONA_OPTION)) {
            return new Routed(new AutocompleteResult(List.of()), "autocomplete");
        }
        String typed = focused.get().value();
        Optional<String> guild = typing.context().guildId();
        if (guild.isEmpty()) {
            return new Routed(bundledChoices(typed), "autocomplete-bundled");
        }
        Roster roster;
        try {
            roster = reads.roster(guild.get());
        } catch (PersonaReads.Unavailable e) {
            return new Routed(bundledChoices(typed), "autocomplete-bundled", Optional.of(e.getMessage()));
        }
        boolean everyStatus = EVERY_STATUS.contains(typing.commandName());
        List<RosterEntry> cast = roster.cast(bundled).stream()
                .filter(entry -> everyStatus || entry.status() == PersonaStatus.ACTIVE)
                .toList();
        List<Choice> choices = Roster.search(cast, typed, AutocompleteResult.MAX_CHOICES).stream()
                .map(PersonaAutocomplete::choice)
                .toList();
        return new Routed(new AutocompleteResult(choices), "autocomplete");
    }

    private AutocompleteResult bundledChoices(String typed) {
        return new AutocompleteResult(bundled.search(typed, AutocompleteResult.MAX_CHOICES).stream()
                .map(PersonaAutocomplete::choice)
                .toList());
    }

    private static Choice choice(Persona persona) {
        return new Choice(label(persona.name(), persona.tagline(), ""), persona.id());
    }

    private static Choice choice(RosterEntry entry) {
        String status = entry.status() == PersonaStatus.ACTIVE
                ? ""
                : " (" + entry.status().wire() + ")";
        return new Choice(label(entry.name(), entry.tagline(), status), entry.id());
    }

    /** "Name — tagline (status)", shortened in the tagline so the status always shows. */
    static String label(String name, String tagline, String status) {
        String text = tagline.isBlank() ? name : name + " — " + tagline;
        int room = Choice.MAX_NAME_LENGTH - status.length();
        if (text.length() > room) {
            text = text.substring(0, room - 1) + "…";
        }
        return text + status;
    }
}

package dev.roastden.worker.persona;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a persona id is in a server. The server's own persona wins (in whatever status it is: a pending one is found
 * so that the caller can say it is pending, not that it does not exist); else a bundled persona, unless the server's
 * roster hides it. Bundled personas are always active. Outside a server (a DM scope) only bundled personas exist.
 * {@link #in(String)} reads the roster once (one GetItem); finding the server's own persona reads it too.
 */
public final class PersonaDirectory {
    private static final String DM_PREFIX = "DM";

    private final PersonaStore store;
    private final PersonaCatalog bundled;

    public PersonaDirectory(PersonaStore store, PersonaCatalog bundled) {
        this.store = store;
        this.bundled = bundled;
    }

    /** The bundled personas. */
    public PersonaCatalog bundled() {
        return bundled;
    }

    /** The personas of a server (or of a DM scope, which has only the bundled ones). */
    public Server in(String scope) {
        if (scope.startsWith(DM_PREFIX)) {
            return new Server(scope, Optional.empty(), Roster.EMPTY);
        }
        return new Server(scope, Optional.of(scope), store.roster(scope));
    }

    /**
     * A persona as a server has it.
     *
     * @param bundled whether it is one of the bundled defaults (not the server's own)
     */
    public record Found(Persona persona, PersonaStatus status, boolean bundled) {
        public String id() {
            return persona.id();
        }
    }

    /** One server's personas, as its roster read at {@link PersonaDirectory#in(String)} lists them. */
    public final class Server {
        private final String scope;
        private final Optional<String> guildId;
        private final Roster roster;

        private Server(String scope, Optional<String> guildId, Roster roster) {
            this.scope = scope;
            this.guildId = guildId;
            this.roster = roster;
        }

        public String scope() {
            return scope;
        }

        /** The persona with this id here: the server's own (any status), else an unhidden bundled one. */
        public Optional<Found> find(String personaId) {
            if (guildId.isPresent() && roster.entries().containsKey(personaId)) {
                Optional<ServerPersona> own = store.find(guildId.get(), personaId);
                if (own.isPresent()) {
                    return Optional.of(new Found(own.get().persona(), own.get().status(), false));
                }
            }
            if (roster.hiddenDefaults().contains(personaId) || roster.entries().containsKey(personaId)) {
                return Optional.empty();
            }
            return bundled.find(personaId).map(p -> new Found(p, PersonaStatus.ACTIVE, true));
        }

        /** Everyone listed here, any status: unhidden bundled defaults, then the server's own. */
        public List<RosterEntry> listed() {
            return roster.cast(bundled);
        }

        /** Every persona id that may hold memories here, hidden bundled ones and retired ones included. */
        public List<String> allIds() {
            Set<String> ids = new LinkedHashSet<>();
            bundled.all().forEach(p -> ids.add(p.id()));
            ids.addAll(roster.entries().keySet());
            return List.copyOf(ids);
        }

        /** Display names by persona id, for every id of {@link #allIds()} (the server's own win). */
        public java.util.Map<String, String> names() {
            java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
            bundled.all().forEach(p -> names.put(p.id(), p.name()));
            roster.entries().values().forEach(e -> names.put(e.id(), e.name()));
            return names;
        }

        /** The Higher Selves of everyone listed here. */
        public Set<String> higherSelves() {
            Set<String> ids = new LinkedHashSet<>();
            listed().forEach(e -> e.higherSelf().ifPresent(ids::add));
            return ids;
        }

        /**
         * Who may speak here and be named to the others in a prompt: the active personas, minus those whose Higher
         * Self opted out. A server persona is given as its roster entry has it (id, name, tagline, Higher Self).
         */
        public List<Persona> cast(Collection<String> optedOut) {
            List<Persona> out = new ArrayList<>();
            for (RosterEntry entry : listed()) {
                if (entry.status() != PersonaStatus.ACTIVE
                        || entry.higherSelf().map(optedOut::contains).orElse(false)) {
                    continue;
                }
                Optional<Persona> own =
                        bundled.find(entry.id()).filter(p -> !roster.entries().containsKey(p.id()));
                out.add(own.orElseGet(() -> sketch(entry)));
            }
            return out;
        }

        /** The persona whose Higher Self is this member here, if any (their own first, then a bundled one). */
        public Optional<Found> ofHigherSelf(String userId) {
            for (RosterEntry entry : roster.entries().values()) {
                if (entry.higherSelf().map(userId::equals).orElse(false)) {
                    Optional<Found> found = find(entry.id());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return bundled.ofHigherSelf(userId).flatMap(p -> find(p.id()));
        }

        /** The ids listed here, for "try one of" answers. */
        public String listedIds() {
            StringBuilder names = new StringBuilder();
            for (RosterEntry e : listed()) {
                if (names.length() > 0) {
                    names.append(", ");
                }
                names.append('`').append(e.id()).append('`');
            }
            return names.toString();
        }
    }

    /** A persona known only by its roster entry: enough to be named among the others in a prompt. */
    private static Persona sketch(RosterEntry entry) {
        return new Persona(
                entry.id(),
                entry.name(),
                entry.higherSelf(),
                entry.tagline(),
                "",
                List.of(),
                List.of(),
                List.of(),
                "",
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
    }
}

package dev.roastden.worker;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.usage.Pricing;
import dev.roastden.worker.alerts.AdminWebhook;
import dev.roastden.worker.alerts.DeliveryAlerts;
import dev.roastden.worker.alerts.DynamoDbAlertWindow;
import dev.roastden.worker.alerts.FailureAlerts;
import dev.roastden.worker.bedrock.BedrockFactScreen;
import dev.roastden.worker.bedrock.BedrockPersonaModel;
import dev.roastden.worker.commands.CommandRegistry;
import dev.roastden.worker.commands.FactScreen;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.commands.ReplyProducer;
import dev.roastden.worker.consent.ConsentGate;
import dev.roastden.worker.consent.ConsentStore;
import dev.roastden.worker.consent.DynamoDbConsentStore;
import dev.roastden.worker.consent.OptInCommand;
import dev.roastden.worker.consent.OptOutCommand;
import dev.roastden.worker.discord.DiscordRest;
import dev.roastden.worker.discord.TypingIndicator;
import dev.roastden.worker.memories.ForgetCommand;
import dev.roastden.worker.memories.MemoriesCommand;
import dev.roastden.worker.memories.RememberCommand;
import dev.roastden.worker.memory.DynamoDbMemoryStore;
import dev.roastden.worker.observability.PowertoolsWorkerMetrics;
import dev.roastden.worker.observability.WorkerMetrics;
import dev.roastden.worker.persona.ConsentAnswer;
import dev.roastden.worker.persona.CreateSubmit;
import dev.roastden.worker.persona.DynamoDbPersonaStore;
import dev.roastden.worker.persona.EditSubmit;
import dev.roastden.worker.persona.ExportCommand;
import dev.roastden.worker.persona.ImportCommand;
import dev.roastden.worker.persona.ListCommand;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.persona.PersonaStore;
import dev.roastden.worker.persona.PersonaTools;
import dev.roastden.worker.persona.RetireCommand;
import dev.roastden.worker.persona.ShowCommand;
import dev.roastden.worker.persona.attachments.AttachmentFetcher;
import dev.roastden.worker.persona.card.PersonaValidator;
import dev.roastden.worker.roast.AnotherOne;
import dev.roastden.worker.roast.AskCommand;
import dev.roastden.worker.roast.DynamoDbPickStore;
import dev.roastden.worker.roast.MentionCommand;
import dev.roastden.worker.roast.PersonaReplies;
import dev.roastden.worker.roast.PickStore;
import dev.roastden.worker.roast.RoastBack;
import dev.roastden.worker.roast.RoastCommand;
import dev.roastden.worker.roast.RoastPick;
import dev.roastden.worker.roast.RoastPicker;
import dev.roastden.worker.secrets.BotTokenSource;
import dev.roastden.worker.secrets.SecretsManagerBotToken;
import dev.roastden.worker.settings.CachedSettingsStore;
import dev.roastden.worker.settings.DynamoDbSettingsStore;
import dev.roastden.worker.settings.SettingsCommand;
import dev.roastden.worker.settings.SettingsStore;
import dev.roastden.worker.time.Repeater;
import dev.roastden.worker.time.ScheduledRepeater;
import dev.roastden.worker.time.Sleeper;
import dev.roastden.worker.usage.AlertSink;
import dev.roastden.worker.usage.Budgets;
import dev.roastden.worker.usage.DiscordAlerts;
import dev.roastden.worker.usage.DynamoDbUsageStore;
import dev.roastden.worker.usage.UsageCommand;
import dev.roastden.worker.usage.UsageStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the worker: SDK clients ({@link WorkerClients}), the stores over the one table (memory, server personas,
 * consent), the Bedrock model with retries, the screen for /remember facts (the Bedrock guardrail when one is
 * configured), the Discord REST client, the bot token source, the job processor, and the command registry: every
 * command family is registered here and nowhere else, and the families get the model only behind the
 * {@link ConsentGate}. Lambda uses {@link #fromEnvironment()}; tests and the local system use
 * {@link #builder(WorkerConfig)} to point the clients at emulators and to inject a clock, a sleeper, metrics or
 * another model. No network call happens here.
 */
public final class WorkerWiring implements AutoCloseable {
    private final WorkerConfig config;
    private final DynamoDbClient dynamo;
    private final BedrockRuntimeClient bedrock;
    private final SecretsManagerClient secrets;
    private final MemoryStore memory;
    private final PersonaStore personaStore;
    private final ConsentStore consent;
    private final PersonaDirectory directory;
    private final PersonaModel model;
    private final Optional<BedrockPersonaModel> bedrockModel;
    private final FactScreen factScreen;
    private final PersonaCatalog personas;
    private final WorkerMetrics metrics;
    private final SettingsStore settings;
    private final UsageStore usage;
    private final Pricing pricing;
    private final Budgets budgets;
    private final FailureAlerts failureAlerts;
    private final CommandRegistry commands;
    private final JobProcessor processor;

    private WorkerWiring(Builder b) {
        this.config = b.config;
        AwsCredentialsProvider credentials = b.credentials.orElseGet(
                () -> DefaultCredentialsProvider.builder().build());
        Region region = Region.of(config.region());
        this.dynamo = WorkerClients.dynamo(region, credentials, b.dynamoEndpoint, b.dynamoRetryStrategy);
        this.bedrock = WorkerClients.bedrock(region, credentials, b.bedrockEndpoint);
        this.secrets = WorkerClients.secrets(region, credentials, b.secretsEndpoint);

        String modelName =
                b.model.map(dev.roastden.core.model.PersonaModel::label).orElse(config.modelId());
        this.metrics = b.metrics.orElseGet(() -> new PowertoolsWorkerMetrics(modelName));
        this.personas = b.personas.orElseGet(PersonaCatalog::fromClasspath);
        this.memory = new DynamoDbMemoryStore(dynamo, config.memoryTableName());
        this.personaStore = new DynamoDbPersonaStore(dynamo, config.memoryTableName());
        this.consent = new DynamoDbConsentStore(dynamo, config.memoryTableName());
        this.directory = new PersonaDirectory(personaStore, personas);
        if (b.model.isPresent()) {
            this.bedrockModel = Optional.empty();
            this.model = new RetryingModel(b.model.get(), b.sleeper, 4, Duration.ofSeconds(1), Duration.ofMillis(200));
        } else {
            BedrockPersonaModel claude =
                    new BedrockPersonaModel(bedrock, config.modelId(), config.guardrailId(), config.guardrailVersion());
            this.bedrockModel = Optional.of(claude);
            this.model = RetryingModel.withDefaults(claude, b.sleeper);
        }
        BotTokenSource botToken = b.botToken.orElseGet(() -> new SecretsManagerBotToken(
                secrets, config.botTokenSecretId(), metrics, b.clock, Duration.ofMinutes(15)));
        DiscordRest discord =
                new DiscordRest(config.discordApiBase(), WorkerConfig.USER_AGENT, b.clock, b.sleeper, b.discordTimeout);
        // With a guardrail, facts are screened by it (briefly retried when it is busy) before they are stored; without
        // one, they are not screened.
        this.factScreen = config.guardrailId()
                .<FactScreen>map(id -> RetryingFactScreen.withDefaults(
                        new BedrockFactScreen(
                                bedrock, id, config.guardrailVersion().orElse("DRAFT")),
                        b.sleeper))
                .orElseGet(FactScreen::allowAll);
        this.settings = new CachedSettingsStore(
                new DynamoDbSettingsStore(dynamo, config.memoryTableName(), b.clock),
                b.clock,
                CachedSettingsStore.DEFAULT_TTL);
        this.usage = new DynamoDbUsageStore(dynamo, config.memoryTableName());
        this.pricing = b.pricing;
        AlertSink alerts = new DiscordAlerts(discord, botToken, b.clock);
        this.budgets = new Budgets(
                settings, usage, pricing, config.modelId(), config.fallbackModelId(), b.clock, alerts, b.limits);
        AdminWebhook admin = b.adminWebhookSecretId
                .map(id -> new AdminWebhook(() -> readSecret(secrets, id)))
                .orElseGet(AdminWebhook::none);
        this.failureAlerts = new FailureAlerts(
                new DynamoDbAlertWindow(dynamo, config.memoryTableName(), b.alertWindow),
                settings,
                alerts,
                admin,
                b.clock,
                config.region(),
                b.logGroup);
        this.commands = commands(b);
        ReplyProducer producer = new ReplyProducer(commands);
        this.processor = new JobProcessor(
                memory,
                producer,
                discord,
                new TypingIndicator(discord, b.repeater),
                botToken,
                metrics,
                b.clock,
                config.lease(),
                config.maxReceives(),
                config.retryDelay(),
                config.modelBudget(),
                new DeliveryAlerts(failureAlerts));
    }

    /**
     * Every command family, registered here and nowhere else. The families get the model only behind the
     * {@link ConsentGate}: none of them can reach it without the consent checks.
     */
    private CommandRegistry commands(Builder b) {
        ConsentGate gate = new ConsentGate(model, directory, consent);
        PersonaTools personaTools = new PersonaTools(
                personaStore,
                directory,
                consent,
                new PersonaValidator(),
                new AttachmentFetcher(b.attachmentOrigins, Duration.ofSeconds(10)),
                b.clock);
        ConsentAnswer consentAnswer = new ConsentAnswer(personaTools);
        PersonaReplies replies = new PersonaReplies(
                memory, consent, gate, directory, metrics, b.clock, budgets, failureAlerts, config.maxTokens());
        MemoriesCommand memories = new MemoriesCommand(memory, directory);
        RememberCommand remember = new RememberCommand(memory, consent, factScreen, directory, metrics);
        PickStore picks = new DynamoDbPickStore(dynamo, config.memoryTableName());
        RoastPicker picker = new RoastPicker(picks, consent, directory);
        return CommandRegistry.builder()
                .command(CommandCatalog.ROAST_MESSAGE, picker)
                .command(CommandCatalog.ROAST_USER, picker)
                .component(CustomId.ROAST_PICK, new RoastPick(picks, consent, directory, replies, b.clock))
                .component(CustomId.ANOTHER_ONE, new AnotherOne(memory, replies, b.clock))
                .component(CustomId.ROAST_BACK, new RoastBack(memory, consent, directory, replies, picker, b.clock))
                .command(CommandCatalog.ROAST, new RoastCommand(replies))
                .command(CommandCatalog.ASK, new AskCommand(replies))
                .command(MentionCommand.COMMAND, new MentionCommand(replies))
                .command(CommandCatalog.REMEMBER, remember)
                .command(CommandCatalog.REMEMBER_MESSAGE, remember::rememberMessage)
                .command(CommandCatalog.FORGET, new ForgetCommand(memory, directory))
                .component(CustomId.PERSONA_CREATE, new CreateSubmit(personaTools))
                .component(CustomId.PERSONA_EDIT, new EditSubmit(personaTools))
                .component(CustomId.PERSONA_ACCEPT, consentAnswer)
                .component(CustomId.PERSONA_DECLINE, consentAnswer)
                .component(CustomId.PERSONA_WITHDRAW, consentAnswer)
                .subcommand(CommandCatalog.PERSONA, CommandCatalog.PERSONA_IMPORT, new ImportCommand(personaTools))
                .subcommand(CommandCatalog.PERSONA, CommandCatalog.PERSONA_EXPORT, new ExportCommand(personaTools))
                .subcommand(CommandCatalog.PERSONA, CommandCatalog.PERSONA_LIST, new ListCommand(personaTools))
                .subcommand(CommandCatalog.PERSONA, CommandCatalog.PERSONA_SHOW, new ShowCommand(personaTools))
                .subcommand(CommandCatalog.PERSONA, CommandCatalog.PERSONA_RETIRE, new RetireCommand(personaTools))
                .command(CommandCatalog.MEMORIES, memories)
                .component(CustomId.MEMORIES_PAGE, memories)
                .command(CommandCatalog.OPTOUT, new OptOutCommand(consent, memory, directory))
                .command(CommandCatalog.OPTIN, new OptInCommand(consent))
                .command(CommandCatalog.SETTINGS, new SettingsCommand(settings, directory))
                .command(CommandCatalog.USAGE, new UsageCommand(settings, usage, config.modelId(), b.clock))
                .build();
    }

    /** The admin webhook URL from Secrets Manager; empty (and logged without the value) when it cannot be read. */
    private static Optional<String> readSecret(SecretsManagerClient secrets, String id) {
        try {
            return Optional.ofNullable(
                    secrets.getSecretValue(r -> r.secretId(id)).secretString());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(WorkerWiring.class)
                    .warn(
                            "Could not read the admin webhook secret: {}",
                            e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The wiring Lambda uses: settings from the environment, real AWS endpoints. */
    public static WorkerWiring fromEnvironment() {
        return builder(WorkerConfig.fromEnvironment(System.getenv()))
                .pricing(Pricing.builtInWith(
                        Optional.ofNullable(System.getenv("MODEL_PRICES")).orElse("")))
                .adminWebhookSecretId(Optional.ofNullable(System.getenv("ADMIN_WEBHOOK_SECRET_ID")))
                .logGroup(Optional.ofNullable(System.getenv("AWS_LAMBDA_LOG_GROUP_NAME")))
                .build();
    }

    /** A builder for tests and the local system. */
    public static Builder builder(WorkerConfig config) {
        return new Builder(config);
    }

    public WorkerConfig config() {
        return config;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public BedrockRuntimeClient bedrock() {
        return bedrock;
    }

    public MemoryStore memory() {
        return memory;
    }

    /** The server personas and rosters, on the same table. */
    public PersonaStore personaStore() {
        return personaStore;
    }

    /** Members' opt-outs. */
    public ConsentStore consent() {
        return consent;
    }

    /** Resolves a persona id in a server: its own personas, then the bundled ones it does not hide. */
    public PersonaDirectory directory() {
        return directory;
    }

    /** The raw model (retrying); command families get it only behind the consent gate. */
    public PersonaModel model() {
        return model;
    }

    /** The Bedrock model, unless another model was plugged in. */
    public Optional<BedrockPersonaModel> bedrockModel() {
        return bedrockModel;
    }

    /** What screens /remember facts: the guardrail when one is configured, else nothing. */
    public FactScreen factScreen() {
        return factScreen;
    }

    public PersonaCatalog personas() {
        return personas;
    }

    public WorkerMetrics metrics() {
        return metrics;
    }

    /** Each server's settings (read through a short cache). */
    public SettingsStore settings() {
        return settings;
    }

    /** Each server's usage counters. */
    public UsageStore usage() {
        return usage;
    }

    /** The budget and limit rules around every model call. */
    public Budgets budgets() {
        return budgets;
    }

    /** Which handler does which command and button. */
    public CommandRegistry commands() {
        return commands;
    }

    public JobProcessor processor() {
        return processor;
    }

    @Override
    public void close() {
        dynamo.close();
        bedrock.close();
        secrets.close();
    }

    /** Options for {@link WorkerWiring}; everything but the config has a production default. */
    public static final class Builder {
        private final WorkerConfig config;
        private Optional<URI> dynamoEndpoint = Optional.empty();
        private Optional<URI> bedrockEndpoint = Optional.empty();
        private Optional<URI> secretsEndpoint = Optional.empty();
        private Optional<AwsCredentialsProvider> credentials = Optional.empty();
        private Optional<RetryStrategy> dynamoRetryStrategy = Optional.empty();
        private Optional<WorkerMetrics> metrics = Optional.empty();
        private Optional<PersonaCatalog> personas = Optional.empty();
        private Optional<PersonaModel> model = Optional.empty();
        private Optional<BotTokenSource> botToken = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Repeater repeater = new ScheduledRepeater();
        private Optional<Limits> limits = Optional.empty();
        private Pricing pricing = Pricing.builtIn();
        private Optional<String> adminWebhookSecretId = Optional.empty();
        private Optional<String> logGroup = Optional.empty();
        private Duration alertWindow = DynamoDbAlertWindow.WINDOW;
        private Duration discordTimeout = Duration.ofSeconds(10);
        private List<URI> attachmentOrigins = List.of();

        private Builder(WorkerConfig config) {
            this.config = config;
        }

        public Builder dynamoEndpoint(URI endpoint) {
            this.dynamoEndpoint = Optional.of(endpoint);
            return this;
        }

        public Builder bedrockEndpoint(URI endpoint) {
            this.bedrockEndpoint = Optional.of(endpoint);
            return this;
        }

        public Builder secretsEndpoint(URI endpoint) {
            this.secretsEndpoint = Optional.of(endpoint);
            return this;
        }

        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Optional.of(credentials);
            return this;
        }

        /** Replaces the SDK's default DynamoDB retry strategy (tests use one that does not sleep). */
        public Builder dynamoRetryStrategy(RetryStrategy strategy) {
            this.dynamoRetryStrategy = Optional.of(strategy);
            return this;
        }

        public Builder metrics(WorkerMetrics metrics) {
            this.metrics = Optional.of(metrics);
            return this;
        }

        public Builder personas(PersonaCatalog personas) {
            this.personas = Optional.of(personas);
            return this;
        }

        /** Uses another model instead of Bedrock (an offline generator, an OpenAI-compatible endpoint). */
        public Builder model(PersonaModel model) {
            this.model = Optional.of(model);
            return this;
        }

        public Builder botToken(BotTokenSource botToken) {
            this.botToken = Optional.of(botToken);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Replaces the scheduler that keeps the typing indicator showing (tests decide when time passes). */
        public Builder repeater(Repeater repeater) {
            this.repeater = repeater;
            return this;
        }

        /** Rate limits that replace every server's own settings (tests and benchmarks). */
        public Builder limits(Limits limits) {
            this.limits = Optional.of(limits);
            return this;
        }

        /** The per-model prices usage is counted at (default: the built-in Claude Haiku 4.5 prices). */
        public Builder pricing(Pricing pricing) {
            this.pricing = pricing;
            return this;
        }

        /** The Secrets Manager secret holding the deployment's admin webhook URL, if there is one. */
        public Builder adminWebhookSecretId(Optional<String> secretId) {
            this.adminWebhookSecretId = secretId.filter(s -> !s.isBlank());
            return this;
        }

        /** The worker's log group, for the Logs Insights link in alerts. */
        public Builder logGroup(Optional<String> group) {
            this.logGroup = group.filter(s -> !s.isBlank());
            return this;
        }

        /** How long the same failure stays quiet after it alerted (default ten minutes). */
        public Builder alertWindow(Duration window) {
            this.alertWindow = window;
            return this;
        }

        /**
         * Origins ({@code scheme://host:port}) attachments may also be fetched from, besides Discord's CDN: the local
         * system's emulated CDN. Given in code only, never read from the environment by the worker.
         */
        public Builder attachmentOrigins(List<URI> origins) {
            this.attachmentOrigins = List.copyOf(origins);
            return this;
        }

        public Builder discordTimeout(Duration timeout) {
            this.discordTimeout = timeout;
            return this;
        }

        public WorkerWiring build() {
            return new WorkerWiring(this);
        }
    }
}

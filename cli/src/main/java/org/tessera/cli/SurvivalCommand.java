package org.tessera.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.tessera.survival.ChiSquareTest;
import org.tessera.survival.Concordance;
import org.tessera.survival.ConcordanceResult;
import org.tessera.survival.ConfidenceType;
import org.tessera.survival.Covariate;
import org.tessera.survival.CoxCoefficient;
import org.tessera.survival.CoxFit;
import org.tessera.survival.CoxOptions;
import org.tessera.survival.CoxPh;
import org.tessera.survival.KaplanMeier;
import org.tessera.survival.KaplanMeierFit;
import org.tessera.survival.KaplanMeierStep;
import org.tessera.survival.LogRank;
import org.tessera.survival.LogRankGroup;
import org.tessera.survival.LogRankResult;
import org.tessera.survival.SurvivalData;
import org.tessera.survival.SurvivalQuantile;
import org.tessera.survival.SurvivalTable;
import org.tessera.survival.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tessera survival km|logrank|cox|cindex}: R's survfit, survdiff, coxph and concordance on a table of
 * the store or a CSV/TSV file. Only parsing and printing here; the statistics are org.tessera.survival's.
 */
@Command(name = "survival", mixinStandardHelpOptions = true,
        description = {
            "Survival analysis as R's survival package, on a store table/query or a CSV/TSV file.",
            "Rows missing a value in a used column are dropped; the count is printed on stderr.",
            "",
            "Examples:",
            "  tessera survival logrank --file gbsg2.csv --time time --event cens --group horTh",
            "  tessera survival cox --file gbsg2.csv --time time --event cens --covariates age,tsize,pnodes,horTh",
            "  tessera survival km --file clinical.tsv --time 'Overall Survival (Months)' \\",
            "      --event 'Overall Survival Status' --group Subtype --format json",
            "  tessera survival cindex --table predictions --time os_days --event os_event --score risk"},
        subcommands = {SurvivalCommand.Km.class, SurvivalCommand.LogRankTest.class, SurvivalCommand.Cox.class,
            SurvivalCommand.CIndex.class})
final class SurvivalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: km, logrank, cox or cindex");
    }

    private static SurvivalReport summary(SurvivalSource.Rows rows) {
        return new SurvivalReport().section("data", "source", "rows", "dropped", "n", "events")
                .row(rows.table().source(), rows.read(), rows.dropped(), rows.data().size(), rows.data().events());
    }

    @Command(name = "km", mixinStandardHelpOptions = true,
            description = "Kaplan-Meier curves (R's survfit): event-time table per group and medians with CI.")
    static final class Km implements Callable<Integer> {
        @Mixin
        SurvivalSource source;

        @Option(names = "--group", paramLabel = "COL", description = "One curve per value of this column.")
        String group;

        @Option(names = "--conf-type", defaultValue = "log-log",
                description = "Interval transform: log-log or log (R's default) (default: ${DEFAULT-VALUE}).")
        String confType;

        @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
        double level;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ConfidenceType type = switch (confType) {
                case "log-log", "loglog" -> ConfidenceType.LOG_LOG;
                case "log" -> ConfidenceType.LOG;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--conf-type must be log-log or log, not " + confType);
            };
            SurvivalSource.Rows rows = source.load(group, null, List.of(), spec.commandLine().getErr());
            Map<String, KaplanMeierFit> fits = group == null ? Map.of("all", KaplanMeier.fit(rows.data(), type, level))
                    : KaplanMeier.fitByGroup(rows.data(), type, level);
            SurvivalReport report = summary(rows);
            report.section("survival", "group", "time", "n.risk", "n.event", "survival", "std.err", "lower", "upper");
            fits.forEach((g, fit) -> {
                for (KaplanMeierStep s : fit.eventSteps()) {
                    report.row(g, s.time(), s.nRisk(), s.nEvent(), s.survival(), s.survivalStdErr(), s.lower(), s.upper());
                }
            });
            report.section("median", "group", "n", "events", "median", "lower", "upper");
            fits.forEach((g, fit) -> {
                Optional<SurvivalQuantile> m = fit.median();
                int events = fit.steps().stream().mapToInt(KaplanMeierStep::nEvent).sum();
                report.row(g, fit.n(), events, m.map(SurvivalQuantile::time).orElse(null),
                        m.flatMap(q -> boxed(q.lower())).orElse(null), m.flatMap(q -> boxed(q.upper())).orElse(null));
            });
            report.print(source.format, spec.commandLine().getOut());
            return 0;
        }

        private static Optional<Double> boxed(java.util.OptionalDouble d) {
            return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
        }
    }

    @Command(name = "logrank", mixinStandardHelpOptions = true,
            description = "Log-rank test of equal survival across groups (R's survdiff, rho = 0), optionally stratified.")
    static final class LogRankTest implements Callable<Integer> {
        @Mixin
        SurvivalSource source;

        @Option(names = "--group", required = true, paramLabel = "COL", description = "The groups compared.")
        String group;

        @Option(names = "--strata", paramLabel = "COL", description = "Stratify by this column.")
        String strata;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SurvivalSource.Rows rows = source.load(group, strata, List.of(), spec.commandLine().getErr());
            LogRankResult r = LogRank.test(rows.data());
            SurvivalReport report = summary(rows);
            report.section("groups", "group", "n", "observed", "expected", "(O-E)^2/E");
            for (LogRankGroup g : r.groups()) {
                double oe = g.observed() - g.expected();
                report.row(g.group(), g.n(), g.observed(), g.expected(), g.expected() > 0 ? oe * oe / g.expected() : null);
            }
            report.section("test", "chisq", "df", "p", "strata").row(r.chiSquare(), r.df(), r.pValue(), r.strata());
            report.print(source.format, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "cox", mixinStandardHelpOptions = true,
            description = {"Cox proportional hazards model (R's coxph): coefficients, Wald/score/LR tests, concordance.",
                "Numeric columns enter as they are; other columns as factors with treatment contrasts against",
                "their first level in sorted order (R's default)."})
    static final class Cox implements Callable<Integer> {
        @Mixin
        SurvivalSource source;

        @Option(names = "--covariates", required = true, split = ",", paramLabel = "A,B,...",
                description = "Covariate columns.")
        List<String> covariates;

        @Option(names = "--cut", paramLabel = "COL=VALUE", description = "Dichotomise a numeric covariate: 1 when > VALUE (R's I(x > VALUE)).")
        Map<String, Double> cuts = Map.of();

        @Option(names = "--strata", paramLabel = "COL", description = "Separate baseline hazard per value.")
        String strata;

        @Option(names = "--ties", defaultValue = "efron", description = "efron (R's default) or breslow.")
        String ties;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Ties t = switch (ties) {
                case "efron" -> Ties.EFRON;
                case "breslow" -> Ties.BRESLOW;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--ties must be efron or breslow, not " + ties);
            };
            for (String c : cuts.keySet()) {
                if (!covariates.contains(c)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--cut " + c + " is not among --covariates " + covariates);
                }
            }
            SurvivalSource.Rows rows = source.load(null, strata, covariates, spec.commandLine().getErr());
            List<Covariate> x = new ArrayList<>();
            for (String c : covariates) {
                SurvivalTable table = rows.table();
                if (cuts.containsKey(c)) {
                    x.add(Covariate.dichotomised(c, table.numbers(c), cuts.get(c)));
                } else if (table.isNumeric(c)) {
                    x.add(Covariate.continuous(c, table.numbers(c)));
                } else {
                    List<String> labels = table.labels(c);
                    x.addAll(Covariate.indicators(c, labels, new TreeSet<>(labels).first()));
                }
            }
            CoxFit fit = CoxPh.fit(rows.data(), x, CoxOptions.withTies(t));
            fit.warning().ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
            SurvivalReport report = summary(rows);
            report.section("coefficients", "term", "coef", "exp(coef)", "se(coef)", "z", "p", "lower .95", "upper .95");
            for (CoxCoefficient c : fit.coefficients()) {
                report.row(c.name(), c.coef(), c.hazardRatio(), c.se(), c.z(), c.pValue(), c.lower(), c.upper());
            }
            report.section("tests", "test", "statistic", "df", "p");
            test(report, "likelihood ratio", fit.likelihoodRatio());
            test(report, "wald", fit.wald());
            test(report, "score", fit.score());
            report.section("model", "n", "events", "ties", "loglik null", "loglik", "iterations", "converged",
                    "concordance");
            report.row(fit.n(), fit.events(), ties, fit.logLikelihoodNull(), fit.logLikelihood(), fit.iterations(),
                    fit.converged(), fit.concordance().map(ConcordanceResult::concordance).orElse(null));
            report.print(source.format, spec.commandLine().getOut());
            return 0;
        }

        private static void test(SurvivalReport report, String name, ChiSquareTest t) {
            report.row(name, t.statistic(), t.df(), t.pValue());
        }
    }

    @Command(name = "cindex", mixinStandardHelpOptions = true,
            description = "Harrell's C of a score column (R's concordance()), with the pair counts.")
    static final class CIndex implements Callable<Integer> {
        @Mixin
        SurvivalSource source;

        @Option(names = "--score", required = true, paramLabel = "COL", description = "The numeric prediction.")
        String score;

        @Option(names = "--direction", defaultValue = "risk",
                description = "risk: higher = earlier event (R's reverse = TRUE); survival: higher = later event "
                        + "(default: ${DEFAULT-VALUE}).")
        String direction;

        @Option(names = "--strata", paramLabel = "COL", description = "Count only pairs within a stratum.")
        String strata;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!direction.equals("risk") && !direction.equals("survival")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--direction must be risk or survival, not " + direction);
            }
            SurvivalSource.Rows rows = source.load(null, strata, List.of(score), spec.commandLine().getErr());
            SurvivalData d = rows.data();
            double[] x = rows.table().numbers(score);
            ConcordanceResult c = direction.equals("risk") ? Concordance.ofRiskScore(d, x)
                    : Concordance.ofSurvivalPrediction(d, x);
            SurvivalReport report = summary(rows);
            report.section("concordance", "C", "concordant", "discordant", "tied.x", "tied.y", "tied.xy")
                    .row(c.concordance(), c.concordant(), c.discordant(), c.tiedX(), c.tiedY(), c.tiedXY());
            report.print(source.format, spec.commandLine().getOut());
            return 0;
        }
    }
}

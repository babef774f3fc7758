/**
 * Fuzzing readers with hostile files: a {@link org.tessera.testkit.fuzz.FuzzTarget} is one input file of a
 * reader (its real seeds from {@code ../shared} and the fixed files beside it); {@link
 * org.tessera.testkit.fuzz.Verdict} says which failures are clear; {@link org.tessera.testkit.fuzz.MutationLoop}
 * runs seeds plus seeded mutations with a timeout and an allocation budget per input (the short run in
 * {@code ./run-tests}); the same targets back Jazzer's {@code @FuzzTest} methods for coverage-guided runs
 * ({@code scripts/fuzz}).
 */
package org.tessera.testkit.fuzz;

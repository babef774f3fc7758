/**
 * Breast cancer molecular subtypes and gene-panel scores computed from expression: the PAM50 nearest-centroid
 * call with its ROR-S ({@link org.tessera.subtype.Pam50}), the 11-gene PAM50 proliferation score
 * ({@link org.tessera.subtype.ProliferationScore}), weighted panel sums ({@link org.tessera.subtype.PanelScore})
 * and agreement between two labellings ({@link org.tessera.subtype.Agreement}). These let predicted expression
 * be judged by the calls it leads to, not only gene by gene.
 *
 * <p>Inputs are an {@link org.tessera.subtype.ExpressionMatrix} on whatever scale the caller chose (the
 * TCGA tests use log2(1 + RSEM)); nothing here transforms the scale silently. Genes are matched by their
 * current HGNC symbol or by the older symbol genefu uses. Missing genes are reported by name; too few is an
 * {@link java.lang.IllegalArgumentException} naming them. No method returns null or NaN.
 */
package org.tessera.subtype;

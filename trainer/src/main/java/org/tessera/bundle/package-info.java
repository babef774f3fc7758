/**
 * Model bundles: a fitted head with everything needed to apply it to new slides, in one directory.
 *
 * <p>A {@link org.tessera.bundle.Bundle} holds the backbone card and weights checksum, the tiling, the stain,
 * the feature-set SQL with its parameters and pooling, the genes, the target transforms, the split and a
 * metrics summary, and the head as plain linear weights ({@link org.tessera.bundle.LinearWeights}) in the
 * original feature space, so that any language can apply it: {@code y = x . W + b} on the pooled feature
 * vector. The layout on disk is documented on {@link org.tessera.bundle.Bundle}; reading validates every
 * field and every file checksum, and names the file and field at fault.
 */
package org.tessera.bundle;

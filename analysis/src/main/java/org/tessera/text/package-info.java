/**
 * Reading of user table files (manifests, expression and clinical tables, survival files, signatures): one
 * reader, {@link org.tessera.text.TextTable}, with one set of conventions for delimiters, quoting, comments,
 * byte-order marks, line endings and missing values.
 */
package org.tessera.text;

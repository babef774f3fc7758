/** Small text helpers shared by every module that reads user files (manifests, expression and clinical tables). */
package org.tessera.text;

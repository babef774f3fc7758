package org.tessera.backbone;

/** The order in which a model expects the three colour planes of its input tensor. */
public enum ChannelOrder {
    /** Plane 0 red, 1 green, 2 blue (PyTorch and most exports). */
    RGB,
    /** Plane 0 blue, 1 green, 2 red (Caffe-era models). */
    BGR
}

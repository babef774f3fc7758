package org.tessera.tissue;

import java.io.IOException;
import java.util.OptionalDouble;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.testkit.Shared;
import org.tessera.tiling.Thumbnail;

/**
 * Test helper: the thumbnails the extractor gives the detector (longest side 1024 px) of a HER2ST section
 * (C3, a plain JPEG at 0.69 um/px, 955x1024) and of the small Aperio slide CMU-1-Small-Region.
 */
final class RealThumbnails {
    static final String C3 = "her2st/images/C3.jpg";
    static final String CMU = "slides/CMU-1-Small-Region.svs";

    private RealThumbnails() {
    }

    static Thumbnail read(String shared) throws IOException {
        OptionalDouble mpp = shared.equals(C3) ? OptionalDouble.of(0.69) : OptionalDouble.empty();
        try (Slide slide = Slides.open(Shared.path(shared), mpp)) {
            return Thumbnail.read(slide, TissueOptions.DEFAULT.thumbnailMaxSide());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(shared + ": " + e.getMessage(), e);
        }
    }
}

package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetOrArchive;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.SourceControl;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a pipeline's source is made from.
 *
 * @param folder       {@code model-build} or {@code model-deploy}: names the CodeCommit repository or S3 object and,
 *                     with CodeStar, is the repository folder holding this pipeline's code; required
 * @param source       where the code lives; required
 * @param seedCodePath directory or {@code .zip} of the first commit, relative to the project root; required for
 *                     CodeCommit and S3, ignored for CodeStar (the repository already holds the code)
 * @param store        the (versioned, KMS-encrypted) model bucket seed zips are uploaded to, and the key seed objects
 *                     and the CodeCommit repository are encrypted with; required
 * @param product      names, tags, account and boundary of the roles the source creates; required
 * @param additions    files added beside the seed code: in the first commit (CodeCommit, S3), or in a versioned bundle
 *                     the builds unpack into the folder (CodeStar, whose repository is the user's); default none
 */
public record SeedCodeSourceArgs(
        String folder,
        SourceSettings source,
        Optional<String> seedCodePath,
        ModelStoreRef store,
        ProductContext product,
        Map<String, AssetOrArchive> additions) {

    public SeedCodeSourceArgs {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(product, "product");
        additions = new TreeMap<>(additions);
        if (source.control() != SourceControl.CODESTAR && seedCodePath.isEmpty()) {
            throw new IllegalArgumentException("a " + source.control().name().toLowerCase()
                    + " source needs a seed code path");
        }
    }
}

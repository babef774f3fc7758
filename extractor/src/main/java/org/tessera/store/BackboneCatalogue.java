package org.tessera.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered backbones. A name is bound to one set of weights: re-adding the same card is a no-op, adding
 * different weights under a taken name is refused (embeddings are keyed by the weights' sha256, and a
 * silently re-pointed name would mix two models in one feature set).
 */
public final class BackboneCatalogue {
    private final Connection connection;

    BackboneCatalogue(Connection connection) {
        this.connection = connection;
    }

    /** Adds a backbone; returns false when the identical backbone was already registered. */
    public boolean add(BackboneRecord b) throws SQLException {
        Optional<BackboneRecord> existing = byName(b.backbone());
        if (existing.isPresent()) {
            if (!existing.get().weightsSha256().equals(b.weightsSha256())) {
                throw new SQLException("backbone name '" + b.backbone() + "' is already bound to weights "
                        + existing.get().weightsSha256() + "; these weights are " + b.weightsSha256()
                        + ": give the new card another name");
            }
            try (PreparedStatement p = connection.prepareStatement("UPDATE backbones SET model_path = ?, card = ? WHERE backbone = ?")) {
                p.setString(1, b.modelPath());
                p.setString(2, b.cardJson());
                p.setString(3, b.backbone());
                p.executeUpdate();
            }
            return false;
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO backbones (backbone, weights_sha256, dimension, "
                + "input_size, model_path, card) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, b.backbone());
            p.setString(2, b.weightsSha256());
            p.setInt(3, b.dimension());
            p.setInt(4, b.inputSize());
            p.setString(5, b.modelPath());
            p.setString(6, b.cardJson());
            p.executeUpdate();
        }
        return true;
    }

    public Optional<BackboneRecord> byName(String name) throws SQLException {
        List<BackboneRecord> found = query("SELECT backbone, weights_sha256, dimension, input_size, model_path, card::VARCHAR "
                + "FROM backbones WHERE backbone = ?", name);
        return found.stream().findFirst();
    }

    public List<BackboneRecord> all() throws SQLException {
        return query("SELECT backbone, weights_sha256, dimension, input_size, model_path, card::VARCHAR FROM backbones "
                + "WHERE ? IS NOT NULL ORDER BY backbone", "all");
    }

    private List<BackboneRecord> query(String sql, String arg) throws SQLException {
        List<BackboneRecord> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new BackboneRecord(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getString(5),
                            r.getString(6)));
                }
            }
        }
        return out;
    }
}

#pragma once

// A realistic, deterministic demo unit: detectives and sergeants, several years of cases with
// victims, leads, notes, reassignments, arrests and clearances spread over time. Synthetic
// names only; nothing from any real data set.

#include <QDate>

#include <cstdint>

namespace cb {
class CaseFile;
}

namespace cb::demo {

struct DemoOptions {
    std::uint64_t seed = 1;
    QDate endDate;          // the demo's "today"; the same seed and end date give the same file
    int years = 5;
    int detectives = 25;
    int sergeants = 4;
    int casesPerYear = 120;
    double victimsPerCase = 1.15; // mean
    int leadsPerCase = 8;         // mean
    int notesPerCase = 6;         // mean
};

struct DemoSummary {
    int members = 0;
    int cases = 0;
    int victims = 0;
    int leads = 0;
    int notes = 0;
    int arrests = 0;
    int reassignments = 0;
};

// Fills an empty case file through CaseStore (so every row has its audit trail, stamped with
// simulated times). Refuses a case file that already has cases.
DemoSummary generate(CaseFile &file, const DemoOptions &options);

} // namespace cb::demo

"""Privacy: a candidate's data export, deletion that really deletes, and retention."""

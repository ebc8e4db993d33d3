"""The resumes' rules: uploads and their screening's results, saving a screening, the ranked
list of a job's candidates with its fit overrides."""

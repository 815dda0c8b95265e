"""The domain of the LKjIP, pure: no files, no Git, no HTML.

``indicators`` (Renstra, goals, objectives, indicators, the Perjanjian Kinerja),
``achievement`` (the capaian formulas and the category scale), ``budget`` (programmes,
activities, sub-activities, absorption and efficiency) and ``report`` (the whole, with look-ups).
"""

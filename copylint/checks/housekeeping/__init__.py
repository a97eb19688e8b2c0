"""CL0xx, housekeeping: copylint's own hygiene (suppression comments that suppress nothing).
"""

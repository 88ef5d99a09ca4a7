"""Turn a school's Word document or plain text into a plan file of our format (scripts/import).

Reading (text.py, docx.py) produces a neutral list of paragraphs and tables; header.py, layout.py
and body.py place that content into the model; writer.py writes it; report.py tells the editor
what could not be placed. Nothing of the input is dropped silently: what is not placed goes to the
report and to a marked section at the end of the body.
"""

;;; titlelint.el --- titlelint with Emacs' built-in LSP client, eglot (Emacs 29+)
;;
;; Load it from your init file: (load "/path/to/titlelint.el").
;; `M-x eglot' in a title file (*.titles) or a product export (*.csv,
;; *.tsv) starts `titlelint lsp'; Flymake shows the findings, and
;; `M-x eglot-code-actions' on a line offers the suggested title,
;; "fix all titles in this file" and adding a name or word to
;; .titlelint.ini.

(require 'eglot)

(define-derived-mode titlelint-titles-mode text-mode "Titles"
  "A file of product titles, one a line.")
(add-to-list 'auto-mode-alist '("\\.titles\\'" . titlelint-titles-mode))

;; csv-mode (GNU ELPA) for exports when installed, else plain text.
(unless (fboundp 'csv-mode)
  (define-derived-mode csv-mode text-mode "CSV" "A product export.")
  (add-to-list 'auto-mode-alist '("\\.[ct]sv\\'" . csv-mode)))

(add-to-list 'eglot-server-programs
             '((titlelint-titles-mode csv-mode) . ("titlelint" "lsp")))

;;; titlelint.el ends here

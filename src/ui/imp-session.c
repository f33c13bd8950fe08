/* imp-session.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-session"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-session.h"

/**
 * ImpSession:
 *
 * The documents open in one run of the application and their drafts: it
 * lists the documents (a #GListModel of #ImpDocument, each listed while
 * it exists), makes new ones with its drafts folder and autosave delay,
 * and owns crash recovery, restoring each draft into the document already
 * open on its file or into a new one.
 *
 * It never calls a window: a document restored that no window shows yet
 * is handed out with #ImpSession::show-document, for the application to
 * open a window on.
 */
struct _ImpSession
{
  GObject     parent_instance;

  char       *drafts_dir;
  ImpDrafts  *drafts;
  GPtrArray  *documents;   /* (element-type ImpDocument) (transfer none) */
  gboolean    started;
};

enum {
  SHOW_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ImpSession, imp_session, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The list of documents ------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return IMP_TYPE_DOCUMENT;
}

static guint
get_n_items (GListModel *model)
{
  return IMP_SESSION (model)->documents->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ImpSession *self = IMP_SESSION (model);

  if (position >= self->documents->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->documents, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
document_gone_cb (gpointer  user_data,
                  GObject  *where_the_object_was)
{
  ImpSession *self = user_data;
  guint index;

  if (g_ptr_array_find (self->documents, where_the_object_was, &index))
    {
      g_ptr_array_remove_index (self->documents, index);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
    }
}

/**
 * imp_session_get_documents:
 *
 * Returns: (transfer none): the open documents, in the order they were made
 */
GListModel *
imp_session_get_documents (ImpSession *self)
{
  g_return_val_if_fail (IMP_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self);
}

/**
 * imp_session_new_document:
 *
 * Returns: (transfer full): a new, empty document that autosaves to the
 *   session's drafts, listed while it exists
 */
ImpDocument *
imp_session_new_document (ImpSession *self)
{
  ImpDocument *document;

  g_return_val_if_fail (IMP_IS_SESSION (self), NULL);

  document = imp_document_new (imp_session_get_drafts (self));
  imp_document_set_autosave_delay (document, imp_session_get_autosave_delay ());

  g_object_weak_ref (G_OBJECT (document), document_gone_cb, self);
  g_ptr_array_add (self->documents, document);
  g_list_model_items_changed (G_LIST_MODEL (self), self->documents->len - 1, 0, 1);

  return document;
}

/**
 * imp_session_find_document:
 * @file: a map's file
 *
 * Returns: (transfer none) (nullable): the open document on @file, or
 *   the one reading it
 */
ImpDocument *
imp_session_find_document (ImpSession *self,
                           GFile      *file)
{
  g_return_val_if_fail (IMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (guint i = 0; i < self->documents->len; i++)
    {
      ImpDocument *document = g_ptr_array_index (self->documents, i);

      if (imp_document_is_on_file (document, file))
        return document;
    }

  return NULL;
}

/* Drafts --------------------------------------------------------------------- */

/**
 * imp_session_start:
 *
 * Takes the drafts folder for this run, so that the drafts of a run that
 * is still going are never offered for recovery.
 *
 * Returns: %FALSE with @error set if autosave is off for this run
 */
gboolean
imp_session_start (ImpSession  *self,
                   GError     **error)
{
  g_return_val_if_fail (IMP_IS_SESSION (self), FALSE);

  if (self->started)
    return TRUE;
  self->started = TRUE;

  return imp_drafts_start (imp_session_get_drafts (self), error);
}

/**
 * imp_session_finish:
 *
 * Ends the run cleanly: its drafts are not offered at the next start.
 */
void
imp_session_finish (ImpSession *self)
{
  g_return_if_fail (IMP_IS_SESSION (self));

  if (self->drafts != NULL && self->started)
    imp_drafts_finish (self->drafts);
  self->started = FALSE;
}

/**
 * imp_session_get_drafts:
 *
 * Returns: (transfer none): where the session's documents keep their drafts
 */
ImpDrafts *
imp_session_get_drafts (ImpSession *self)
{
  g_return_val_if_fail (IMP_IS_SESSION (self), NULL);

  if (self->drafts == NULL)
    self->drafts = imp_drafts_new (self->drafts_dir);

  return self->drafts;
}

/**
 * imp_session_get_autosave_delay:
 *
 * Returns: how many seconds after the last edit a draft is written, from
 *   the settings (5 when they are not installed)
 */
guint
imp_session_get_autosave_delay (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "autosave-delay"))
    return 5;

  settings = g_settings_new (APP_ID);

  return g_settings_get_uint (settings, "autosave-delay");
}

/* Recovery ------------------------------------------------------------------- */

static void
restore_into (ImpSession  *self,
              ImpDocument *document,
              ImpDraft    *draft)
{
  g_autoptr(GError) error = NULL;

  if (!imp_document_restore_draft (document, draft, &error))
    {
      /* Kept, not discarded: a later version may read it. */
      g_warning ("Could not restore the draft %s: %s",
                 imp_draft_get_path (draft), error->message);
      return;
    }

  g_signal_emit (self, signals[SHOW_DOCUMENT], 0, document);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImpSession       *self)
{
  ImpDocument *document = g_object_get_data (G_OBJECT (dialog), "imp-document");
  ImpDraft *draft = g_object_get_data (G_OBJECT (dialog), "imp-draft");

  if (g_strcmp0 (response, "replace") == 0)
    restore_into (self, document, draft);
  /* Otherwise both stay: the open map as it is, the draft for next time. */
}

/* The file of @draft is open, with changes of its own: restoring over them
 * would lose them, and a second window on the file would let either save
 * overwrite the other. */
static void
ask_replace (ImpSession  *self,
             ImpDocument *document,
             ImpDraft    *draft,
             GtkWindow   *parent)
{
  g_autoptr(GFile) file = imp_draft_get_file (draft);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("“%s” is open with changes that are not saved. Replace them with "
                            "the changes restored from the crash?"), name);
  dialog = adw_message_dialog_new (parent, _("Replace Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open Map"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "imp-document", g_object_ref (document),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "imp-draft", imp_draft_copy (draft),
                          (GDestroyNotify) imp_draft_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_drafts (ImpSession *self,
                GPtrArray  *orphans,
                GtkWindow  *parent)
{
  for (guint i = 0; i < orphans->len; i++)
    {
      ImpDraft *draft = g_ptr_array_index (orphans, i);
      g_autoptr(GFile) file = imp_draft_get_file (draft);
      ImpDocument *open = file != NULL ? imp_session_find_document (self, file) : NULL;

      if (open != NULL && imp_document_get_modified (open))
        ask_replace (self, open, draft, parent);
      else if (open != NULL)
        restore_into (self, open, draft);
      else
        {
          g_autoptr(ImpDocument) document = imp_session_new_document (self);

          restore_into (self, document, draft);
        }
    }
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ImpSession       *self)
{
  GPtrArray *orphans = g_object_get_data (G_OBJECT (dialog), "imp-orphans");

  if (g_strcmp0 (response, "restore") == 0)
    restore_drafts (self, orphans, gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  else if (g_strcmp0 (response, "discard") == 0)
    for (guint i = 0; i < orphans->len; i++)
      imp_drafts_discard (imp_session_get_drafts (self), g_ptr_array_index (orphans, i));
  /* "later" keeps them for the next start. */
}

/**
 * imp_session_offer_recovery:
 * @parent: (nullable): the window to ask over
 *
 * Asks whether to restore what a crash left unsaved, if it left anything.
 * Each draft goes into the document open on its file (asking first if
 * that has changes of its own), or into a new document shown through
 * #ImpSession::show-document.
 *
 * Returns: (transfer none) (nullable): the dialog asking, or %NULL when
 *   there is nothing to restore
 */
GtkWindow *
imp_session_offer_recovery (ImpSession *self,
                            GtkWindow  *parent)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_return_val_if_fail (IMP_IS_SESSION (self), NULL);

  orphans = imp_drafts_list_orphans (imp_session_get_drafts (self));
  if (orphans->len == 0)
    return NULL;

  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "Impact Mapper did not close properly. This map has "
                                      "changes that were not saved:",
                                      "Impact Mapper did not close properly. These maps have "
                                      "changes that were not saved:",
                                      orphans->len));
  for (guint i = 0; i < orphans->len; i++)
    {
      ImpDraft *draft = g_ptr_array_index (orphans, i);
      g_autoptr(GFile) file = imp_draft_get_file (draft);
      const char *title = imp_draft_get_title (draft);
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *when = NULL;

      if (imp_draft_get_saved (draft) != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (imp_draft_get_saved (draft));

          when = g_date_time_format (local, "%x %X");
        }

      g_string_append_printf (body, "\n• %s", title[0] != '\0' ? title : _("Untitled Map"));
      if (name != NULL)
        g_string_append_printf (body, " (%s)", name);
      if (when != NULL)
        /* Translators: %s is a date and time */
        g_string_append_printf (body, _(", autosaved %s"), when);
    }

  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "imp-orphans", g_steal_pointer (&orphans),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* GObject -------------------------------------------------------------------- */

static void
imp_session_dispose (GObject *object)
{
  ImpSession *self = IMP_SESSION (object);

  for (guint i = 0; i < self->documents->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->documents, i), document_gone_cb, self);
  g_ptr_array_set_size (self->documents, 0);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (imp_session_parent_class)->dispose (object);
}

static void
imp_session_finalize (GObject *object)
{
  ImpSession *self = IMP_SESSION (object);

  g_ptr_array_unref (self->documents);
  g_free (self->drafts_dir);

  G_OBJECT_CLASS (imp_session_parent_class)->finalize (object);
}

static void
imp_session_class_init (ImpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = imp_session_dispose;
  object_class->finalize = imp_session_finalize;

  /**
   * ImpSession::show-document:
   * @document: a document that was restored
   *
   * A restored document wants a window: the one showing it, presented,
   * or a new one.
   */
  signals[SHOW_DOCUMENT] =
    g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IMP_TYPE_DOCUMENT);
}

static void
imp_session_init (ImpSession *self)
{
  self->documents = g_ptr_array_new ();
}

/**
 * imp_session_new:
 * @drafts_dir: (nullable): the drafts folder, or %NULL for the usual one
 *
 * Returns: (transfer full): a session, not started
 */
ImpSession *
imp_session_new (const char *drafts_dir)
{
  ImpSession *self = g_object_new (IMP_TYPE_SESSION, NULL);

  self->drafts_dir = g_strdup (drafts_dir);

  return self;
}
